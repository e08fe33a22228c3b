// Sends a test message as alice@contoso.com through smtp.office365.com with SMTP XOAUTH2 (MailKit).
// Run: dotnet new console && dotnet add package MailKit, put this in Program.cs, dotnet run
// Settings come from environment variables (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_FROM, SMTP_TO,
// SMTP_OAUTH_TOKEN_URL, SMTP_OAUTH_CLIENT_ID, SMTP_OAUTH_SCOPE); the values below are this profile's defaults.
// Secrets are read from SMTP_OAUTH_CLIENT_SECRET and SMTP_OAUTH_REFRESH_TOKEN.
// Or set SMTP_OAUTH_ACCESS_TOKEN to use an access token you already have.
// An extra CA has to be trusted by the operating system for .NET to accept it.
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

var host = Setting("SMTP_HOST", "smtp.office365.com");
var port = int.Parse(Setting("SMTP_PORT", "587"));
var user = Setting("SMTP_USER", "alice@contoso.com");
var from = Setting("SMTP_FROM", "alice@contoso.com");
var to = Setting("SMTP_TO", from);

var token = Setting("SMTP_OAUTH_ACCESS_TOKEN");
var tokenUrl = Setting("SMTP_OAUTH_TOKEN_URL", "https://login.microsoftonline.com/11111111-1111-4111-8111-111111111111/oauth2/v2.0/token");
if (token.Length == 0)
{
    var form = new Dictionary<string, string>
    {
        ["client_id"] = Setting("SMTP_OAUTH_CLIENT_ID", "aaaaaaaa-0000-4000-8000-000000000001"),
        ["scope"] = Setting("SMTP_OAUTH_SCOPE", "https://outlook.office.com/SMTP.Send offline_access"),
        ["grant_type"] = "refresh_token",
    };
    form["refresh_token"] = Required("SMTP_OAUTH_REFRESH_TOKEN", "");
    form["client_secret"] = Required("SMTP_OAUTH_CLIENT_SECRET", "");
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
