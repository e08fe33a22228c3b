import { env, envHelp, type GenericSettings, TEST_BODY, TEST_SUBJECT } from './generic-settings';
import { codeString as q, oneLine } from './quote';

/** Node.js (CommonJS, so it runs anywhere): the token over https, then nodemailer with OAuth2. */
export function nodemailerSnippet(s: GenericSettings): string {
  const grant =
    s.grantType === 'refresh_token'
      ? [`    form.refresh_token = required(${q(env.refreshToken)}, ${q(s.refreshTokenDefault)});`]
      : [];
  const secret = s.needsClientSecret
    ? [`    form.client_secret = required(${q(env.clientSecret)}, ${q(s.clientSecretDefault)});`]
    : [];
  const cert = s.assertionHeader;
  const assertionForm = cert
    ? [
        "  form.client_assertion_type = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';",
        '  form.client_assertion = clientAssertion();',
      ]
    : [];
  const assertionCode = cert
    ? [
        "// A JWT (PS256) signed with the certificate's private key, valid for 10 minutes.",
        'function clientAssertion() {',
        `  const key = fs.readFileSync(required(${q(env.privateKeyFile)}), 'utf8');`,
        '  const now = Math.floor(Date.now() / 1000);',
        '  const claims = { aud: TOKEN_URL, iss: CLIENT_ID, sub: CLIENT_ID, jti: crypto.randomUUID(), nbf: now, exp: now + 600 };',
        `  const unsigned = \`${cert}.\${Buffer.from(JSON.stringify(claims)).toString('base64url')}\`;`,
        "  const signature = crypto.sign('sha256', Buffer.from(unsigned), { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });",
        "  return `${unsigned}.${signature.toString('base64url')}`;",
        '}',
        '',
      ]
    : [];
  return [
    `// Sends a test message as ${oneLine(s.user)} through ${oneLine(s.host)} with SMTP XOAUTH2 (nodemailer).`,
    '// Run: npm install nodemailer && node send-test-mail.cjs',
    ...envHelp(s).map((l) => `// ${l}`),
    "'use strict';",
    ...(cert ? ["const crypto = require('node:crypto');"] : []),
    "const fs = require('node:fs');",
    "const https = require('node:https');",
    "const tls = require('node:tls');",
    "const nodemailer = require('nodemailer');",
    '',
    "const setting = (name, fallback = '') => process.env[name] || fallback;",
    `const HOST = setting(${q(env.host)}, ${q(s.host)});`,
    `const PORT = Number(setting(${q(env.port)}, ${q(String(s.port))}));`,
    `const USER = setting(${q(env.user)}, ${q(s.user)});`,
    `const FROM = setting(${q(env.from)}, ${q(s.from)});`,
    `const TO = setting(${q(env.to)}, FROM);`,
    `const TOKEN_URL = setting(${q(env.tokenUrl)}, ${q(s.tokenUrl)});`,
    `const CLIENT_ID = setting(${q(env.clientId)}, ${q(s.clientId)});`,
    `const SCOPE = setting(${q(env.scope)}, ${q(s.scope)});`,
    '',
    '// The usual CAs plus, when given, one more (a TLS-inspecting proxy, a test server).',
    'function trustedCas() {',
    `  const caFile = setting(${q(env.caFile)});`,
    "  return caFile ? [...tls.rootCertificates, fs.readFileSync(caFile, 'utf8')] : undefined;",
    '}',
    '',
    "function required(name, fallback = '') {",
    '  const value = setting(name, fallback);',
    '  if (!value) throw new Error(`Set ${name} (see the notes at the top of this file).`);',
    '  return value;',
    '}',
    '',
    'function postForm(url, form) {',
    '  const body = new URLSearchParams(form).toString();',
    "  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) };",
    '  return new Promise((resolve, reject) => {',
    "    const request = https.request(url, { method: 'POST', headers, ca: trustedCas(), timeout: 30000 }, (response) => {",
    "      let text = '';",
    "      response.setEncoding('utf8');",
    "      response.on('data', (chunk) => (text += chunk));",
    "      response.on('end', () => resolve({ status: response.statusCode, text }));",
    '    });',
    "    request.on('timeout', () => request.destroy(new Error('The token request timed out.')));",
    "    request.on('error', reject);",
    '    request.end(body);',
    '  });',
    '}',
    '',
    ...assertionCode,
    'async function accessToken() {',
    `  const token = setting(${q(env.accessToken)});`,
    '  if (token) return token;',
    `  const form = { client_id: CLIENT_ID, scope: SCOPE, grant_type: ${q(s.grantType)} };`,
    ...grant.map((l) => l.slice(2)),
    ...secret.map((l) => l.slice(2)),
    ...assertionForm,
    '  const { status, text } = await postForm(TOKEN_URL, form);',
    "  const json = JSON.parse(text || '{}');",
    '  if (status !== 200) throw new Error(`Token request failed (${status}): ${json.error}: ${json.error_description}`);',
    '  return json.access_token;',
    '}',
    '',
    'async function main() {',
    '  const transport = nodemailer.createTransport({',
    '    host: HOST,',
    '    port: PORT,',
    '    secure: PORT === 465,',
    '    requireTLS: PORT !== 465,',
    '    tls: { ca: trustedCas() },',
    "    auth: { type: 'OAuth2', user: USER, accessToken: await accessToken() },",
    '  });',
    `  const info = await transport.sendMail({ from: FROM, to: TO, subject: ${q(TEST_SUBJECT)}, text: ${q(TEST_BODY)} });`,
    '  console.log(`Sent a test message from ${FROM} to ${TO} as ${USER}: ${info.response}`);',
    '}',
    '',
    'main().catch((error) => {',
    '  console.error(error.message);',
    '  process.exitCode = 1;',
    '});',
  ].join('\n');
}
