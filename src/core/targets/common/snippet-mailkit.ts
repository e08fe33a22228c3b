import { env, envHelp, type GenericSettings, TEST_BODY, TEST_SUBJECT } from './generic-settings';
import { codeString as q, oneLine } from './quote';

/** C# top-level program with MailKit (System.Net.Mail cannot do OAuth2). */
export function mailkitSnippet(s: GenericSettings): string {
  const grant =
    s.grantType === 'refresh_token'
      ? [`    form["refresh_token"] = Required(${q(env.refreshToken)}, ${q(s.refreshTokenDefault)});`]
      : [];
  const secret = s.needsClientSecret
    ? [`    form["client_secret"] = Required(${q(env.clientSecret)}, ${q(s.clientSecretDefault)});`]
    : [];
  const cert = s.assertionHeader;
  const assertionForm = cert
    ? [
        '    form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";',
        `    form["client_assertion"] = ClientAssertion(${q(cert)}, tokenUrl, form["client_id"]);`,
      ]
    : [];
  const assertionCode = cert
    ? [
        '',
        "// A JWT (PS256: RSASSA-PSS with SHA-256) signed with the certificate's private key, valid for 10 minutes.",
        'static string ClientAssertion(string header, string audience, string clientId)',
        '{',
        '    using var rsa = RSA.Create();',
        `    rsa.ImportFromPem(File.ReadAllText(Required(${q(env.privateKeyFile)})));`,
        '    var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();',
        '    var claims = new Dictionary<string, object> { ["aud"] = audience, ["iss"] = clientId, ["sub"] = clientId, ["jti"] = Guid.NewGuid().ToString(), ["nbf"] = now, ["exp"] = now + 600 };',
        '    var unsigned = header + "." + B64Url(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(claims)));',
        '    return unsigned + "." + B64Url(rsa.SignData(Encoding.UTF8.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pss));',
        '}',
        '',
        "static string B64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');",
      ]
    : [];
  return [
    `// Sends a test message as ${oneLine(s.user)} through ${oneLine(s.host)} with SMTP XOAUTH2 (MailKit).`,
    '// Run: dotnet new console && dotnet add package MailKit, put this in Program.cs, dotnet run',
    ...envHelp(s, { ca: 'system' }).map((l) => `// ${l}`),
    ...(cert ? ['using System.Security.Cryptography;', 'using System.Text;'] : []),
    'using System.Text.Json;',
    'using MailKit.Net.Smtp;',
    'using MailKit.Security;',
    'using MimeKit;',
    '',
    `var host = Setting(${q(env.host)}, ${q(s.host)});`,
    `var port = int.Parse(Setting(${q(env.port)}, ${q(String(s.port))}));`,
    `var user = Setting(${q(env.user)}, ${q(s.user)});`,
    `var from = Setting(${q(env.from)}, ${q(s.from)});`,
    `var to = Setting(${q(env.to)}, from);`,
    '',
    `var token = Setting(${q(env.accessToken)});`,
    `var tokenUrl = Setting(${q(env.tokenUrl)}, ${q(s.tokenUrl)});`,
    'if (token.Length == 0)',
    '{',
    '    var form = new Dictionary<string, string>',
    '    {',
    `        ["client_id"] = Setting(${q(env.clientId)}, ${q(s.clientId)}),`,
    `        ["scope"] = Setting(${q(env.scope)}, ${q(s.scope)}),`,
    `        ["grant_type"] = ${q(s.grantType)},`,
    '    };',
    ...grant,
    ...secret,
    ...assertionForm,
    '    using var http = new HttpClient();',
    '    var response = await http.PostAsync(tokenUrl, new FormUrlEncodedContent(form));',
    '    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());',
    '    if (!response.IsSuccessStatusCode)',
    '    {',
    '        var description = json.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() : "";',
    '        throw new Exception($"Token request failed ({(int)response.StatusCode}): {description}");',
    '    }',
    '    token = json.RootElement.GetProperty("access_token").GetString()!;',
    '}',
    '',
    'var message = new MimeMessage();',
    'message.From.Add(MailboxAddress.Parse(from));',
    'message.To.Add(MailboxAddress.Parse(to));',
    `message.Subject = ${q(TEST_SUBJECT)};`,
    `message.Body = new TextPart("plain") { Text = ${q(TEST_BODY)} };`,
    '',
    'using var smtp = new SmtpClient();',
    'await smtp.ConnectAsync(host, port, port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);',
    'await smtp.AuthenticateAsync(new SaslMechanismOAuth2(user, token));',
    'await smtp.SendAsync(message);',
    'await smtp.DisconnectAsync(true);',
    'Console.WriteLine($"Sent a test message from {from} to {to} as {user}.");',
    '',
    'static string Setting(string name, string fallback = "") =>',
    '    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;',
    '',
    'static string Required(string name, string fallback = "") =>',
    '    Setting(name, fallback) is { Length: > 0 } value ? value : throw new Exception($"Set {name} (see the notes at the top of this file).");',
    ...assertionCode,
  ].join('\n');
}
