// Sends a test message as noreply@contoso.com through smtp.office365.com with SMTP XOAUTH2 (MailKit).
// Run: dotnet new console && dotnet add package MailKit, put this in Program.cs, dotnet run
// Settings come from environment variables (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_FROM, SMTP_TO,
// SMTP_OAUTH_TOKEN_URL, SMTP_OAUTH_CLIENT_ID, SMTP_OAUTH_SCOPE); the values below are this profile's defaults.
// The certificate's private key (PEM) is read from the file named by SMTP_OAUTH_PRIVATE_KEY_FILE.
// Or set SMTP_OAUTH_ACCESS_TOKEN to use an access token you already have.
// An extra CA has to be trusted by the operating system for .NET to accept it.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

var host = Setting("SMTP_HOST", "smtp.office365.com");
var port = int.Parse(Setting("SMTP_PORT", "587"));
var user = Setting("SMTP_USER", "noreply@contoso.com");
var from = Setting("SMTP_FROM", "noreply@contoso.com");
var to = Setting("SMTP_TO", from);

var token = Setting("SMTP_OAUTH_ACCESS_TOKEN");
var tokenUrl = Setting("SMTP_OAUTH_TOKEN_URL", "https://login.microsoftonline.com/11111111-1111-4111-8111-111111111111/oauth2/v2.0/token");
if (token.Length == 0)
{
    var form = new Dictionary<string, string>
    {
        ["client_id"] = Setting("SMTP_OAUTH_CLIENT_ID", "aaaaaaaa-0000-4000-8000-000000000001"),
        ["scope"] = Setting("SMTP_OAUTH_SCOPE", "https://outlook.office365.com/.default"),
        ["grant_type"] = "client_credentials",
    };
    form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    form["client_assertion"] = ClientAssertion("eyJhbGciOiJQUzI1NiIsInR5cCI6IkpXVCIsIng1dCNTMjU2IjoiQUJFaU0wUlZabmVJbWFxN3pOM3Vfd0FSSWpORVZXWjNpSm1xdTh6ZDd2OCJ9", tokenUrl, form["client_id"]);
    using var http = new HttpClient();
    var response = await http.PostAsync(tokenUrl, new FormUrlEncodedContent(form));
    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    if (!response.IsSuccessStatusCode)
    {
        var description = json.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() : "";
        throw new Exception($"Token request failed ({(int)response.StatusCode}): {description}");
    }
    token = json.RootElement.GetProperty("access_token").GetString()!;
}

var message = new MimeMessage();
message.From.Add(MailboxAddress.Parse(from));
message.To.Add(MailboxAddress.Parse(to));
message.Subject = "SMTP OAuth2 test message";
message.Body = new TextPart("plain") { Text = "This message was sent with SMTP XOAUTH2 to check the OAuth set-up." };

using var smtp = new SmtpClient();
await smtp.ConnectAsync(host, port, port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
await smtp.AuthenticateAsync(new SaslMechanismOAuth2(user, token));
await smtp.SendAsync(message);
await smtp.DisconnectAsync(true);
Console.WriteLine($"Sent a test message from {from} to {to} as {user}.");

static string Setting(string name, string fallback = "") =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;

static string Required(string name, string fallback = "") =>
    Setting(name, fallback) is { Length: > 0 } value ? value : throw new Exception($"Set {name} (see the notes at the top of this file).");

// A JWT (PS256: RSASSA-PSS with SHA-256) signed with the certificate's private key, valid for 10 minutes.
static string ClientAssertion(string header, string audience, string clientId)
{
    using var rsa = RSA.Create();
    rsa.ImportFromPem(File.ReadAllText(Required("SMTP_OAUTH_PRIVATE_KEY_FILE")));
    var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    var claims = new Dictionary<string, object> { ["aud"] = audience, ["iss"] = clientId, ["sub"] = clientId, ["jti"] = Guid.NewGuid().ToString(), ["nbf"] = now, ["exp"] = now + 600 };
    var unsigned = header + "." + B64Url(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(claims)));
    return unsigned + "." + B64Url(rsa.SignData(Encoding.UTF8.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
}

static string B64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
