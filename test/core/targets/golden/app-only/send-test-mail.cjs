// Sends a test message as noreply@contoso.com through smtp.office365.com with SMTP XOAUTH2 (nodemailer).
// Run: npm install nodemailer && node send-test-mail.cjs
// Settings come from environment variables (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_FROM, SMTP_TO,
// SMTP_OAUTH_TOKEN_URL, SMTP_OAUTH_CLIENT_ID, SMTP_OAUTH_SCOPE); the values below are this profile's defaults.
// Secrets are read from SMTP_OAUTH_CLIENT_SECRET.
// Or set SMTP_OAUTH_ACCESS_TOKEN to use an access token you already have.
// Optional, one CA certificate file (PEM) for each connection, to trust besides the usual ones:
//   SMTP_OAUTH_CA_FILE for the token endpoint (e.g. a TLS-inspecting proxy),
//   SMTP_CA_FILE for the SMTP server (e.g. an internal relay). Each applies to its own connection only.
'use strict';
const fs = require('node:fs');
const https = require('node:https');
const tls = require('node:tls');
const nodemailer = require('nodemailer');

const setting = (name, fallback = '') => process.env[name] || fallback;
const HOST = setting("SMTP_HOST", "smtp.office365.com");
const PORT = Number(setting("SMTP_PORT", "587"));
const USER = setting("SMTP_USER", "noreply@contoso.com");
const FROM = setting("SMTP_FROM", "noreply@contoso.com");
const TO = setting("SMTP_TO", FROM);
const TOKEN_URL = setting("SMTP_OAUTH_TOKEN_URL", "https://login.microsoftonline.com/11111111-1111-4111-8111-111111111111/oauth2/v2.0/token");
const CLIENT_ID = setting("SMTP_OAUTH_CLIENT_ID", "aaaaaaaa-0000-4000-8000-000000000001");
const SCOPE = setting("SMTP_OAUTH_SCOPE", "https://outlook.office365.com/.default");

// The usual CAs plus, when the variable names one, one more for that connection only.
function trustedCas(caVariable) {
  const caFile = setting(caVariable);
  return caFile ? [...tls.rootCertificates, fs.readFileSync(caFile, 'utf8')] : undefined;
}

function required(name, fallback = '') {
  const value = setting(name, fallback);
  if (!value) throw new Error(`Set ${name} (see the notes at the top of this file).`);
  return value;
}

function postForm(url, form) {
  const body = new URLSearchParams(form).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) };
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: 'POST', headers, ca: trustedCas("SMTP_OAUTH_CA_FILE"), timeout: 30000 }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, text }));
    });
    request.on('timeout', () => request.destroy(new Error('The token request timed out.')));
    request.on('error', reject);
    request.end(body);
  });
}

async function accessToken() {
  const token = setting("SMTP_OAUTH_ACCESS_TOKEN");
  if (token) return token;
  const form = { client_id: CLIENT_ID, scope: SCOPE, grant_type: "client_credentials" };
  form.client_secret = required("SMTP_OAUTH_CLIENT_SECRET", "");
  const { status, text } = await postForm(TOKEN_URL, form).catch((error) => {
    throw new Error(`Token request to ${TOKEN_URL} failed: ${error.message}`);
  });
  let json = {};
  try {
    json = JSON.parse(text || '{}');
  } catch {
    // not JSON (a proxy page): the status says enough
  }
  if (status !== 200) throw new Error(`Token request failed (${status}): ${json.error}: ${json.error_description}`);
  return json.access_token;
}

// The likely cause of a refusal, by the reply text Exchange sends; the first match wins.
const CAUSES = [
  ["5\\.7\\.139.*disabled for the Tenant", "SMTP AUTH is turned off for the whole tenant: turn it on for this mailbox (Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false) or for the tenant (Set-TransportConfig -SmtpClientAuthenticationDisabled $false)."],
  ["5\\.7\\.139.*disabled for the Mailbox", "SMTP AUTH is turned off for this mailbox: Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false."],
  ["security defaults", "Security defaults block SMTP AUTH in this tenant: an Entra admin has to turn them off (and protect sign-ins with Conditional Access instead)."],
  ["did not meet the criteria", "A Conditional Access policy blocks this login: ask the Entra admin which policy applies to SMTP."],
  ["5\\.7\\.3 ", "Exchange refused the token: the app needs the SMTP.SendAsApp application permission with admin consent, a service principal in Exchange (New-ServicePrincipal) and FullAccess on SMTP_USER (Add-MailboxPermission); new permissions can take up to an hour."],
  ["4\\.2\\.0.*mailbox logon failure", "The app is registered in Exchange but may not use this mailbox: Add-MailboxPermission -Identity <mailbox> -User <service principal> -AccessRights FullAccess (can take up to an hour)."],
  ["SendAsDenied|5\\.7\\.60", "SMTP_USER may not send as SMTP_FROM: give it Send As (Add-RecipientPermission) or send from its own address."],
  ["4\\.3\\.2", "The mailbox already has 3 connections sending at once (Exchange allows 3): try again in a moment."],
];

function explain(error) {
  // Errors with a code come from the connection (DNS, TCP, TLS); the token step throws plain ones.
  if (!error.response) return error.code ? `Could not send through ${HOST}:${PORT}: ${error.message}` : error.message;
  const reply = String(error.response).split(/\s+/).join(' ');
  const cause = CAUSES.find(([pattern]) => new RegExp(pattern, 'i').test(reply))?.[1] ?? "not one this script recognises: the wizard's Verify step explains the reply with the fix.";
  return `SMTP refused: ${reply}. Likely cause: ${cause}`;
}

async function main() {
  const transport = nodemailer.createTransport({
    host: HOST,
    port: PORT,
    secure: PORT === 465,
    requireTLS: PORT !== 465,
    tls: { ca: trustedCas("SMTP_CA_FILE") },
    auth: { type: 'OAuth2', user: USER, accessToken: await accessToken() },
  });
  const info = await transport.sendMail({ from: FROM, to: TO, subject: "SMTP OAuth2 test message", text: "This message was sent with SMTP XOAUTH2 to check the OAuth set-up." });
  console.log(`Sent a test message from ${FROM} to ${TO} as ${USER}: ${info.response}`);
}

// One line, no stack: the server's reply and its likely cause, or what failed.
main().catch((error) => {
  console.error(explain(error));
  process.exitCode = 1;
});
