import { type ExportContext, placeholders } from './context';
import { curlScript } from './curl-script';
import { env, type GenericSettings, genericSettings } from './generic-settings';
import { fileOutput, type OutputDraft } from './output';
import { dotenvValue, oneLine } from './quote';
import { mailkitSnippet } from './snippet-mailkit';
import { nodemailerSnippet } from './snippet-nodemailer';
import { pythonSnippet } from './snippet-python';

/** Generic SMTP XOAUTH2: settings as .env and JSON, a curl script and snippets for nodemailer, Python and MailKit. */

function dotenv(ctx: ExportContext, s: GenericSettings): string {
  const p = ctx.profile;
  const secretLine = (name: string, value: string): string[] =>
    value === ''
      ? [`# ${name}: paste the value from the wizard's Secret values.`, `${name}=`]
      : [`${name}=${dotenvValue(value)}`];
  return [
    `# SMTP XOAUTH2 settings for ${oneLine(p.name)} (${p.flow === 'app-only' ? 'app-only, client credentials' : 'delegated, refresh token'}).`,
    `${env.host}=${dotenvValue(s.host)}`,
    `${env.port}=${s.port}`,
    `${env.user}=${dotenvValue(s.user)}`,
    `${env.from}=${dotenvValue(s.from)}`,
    `SMTP_OAUTH_TENANT=${dotenvValue(p.tenant)}`,
    `${env.tokenUrl}=${dotenvValue(s.tokenUrl)}`,
    `${env.clientId}=${dotenvValue(s.clientId)}`,
    `${env.scope}=${dotenvValue(s.scope)}`,
    `${env.grantType}=${s.grantType}`,
    ...(s.needsClientSecret ? secretLine(env.clientSecret, s.clientSecretDefault) : []),
    ...(s.grantType === 'refresh_token' ? secretLine(env.refreshToken, s.refreshTokenDefault) : []),
    ...(s.assertionHeader
      ? [
          `# ${env.privateKeyFile}: path of the certificate's private key (PEM); the key itself is not exported.`,
          `${env.privateKeyFile}=`,
        ]
      : []),
  ].join('\n');
}

function json(ctx: ExportContext, s: GenericSettings): string {
  const p = ctx.profile;
  const credential =
    p.credential.kind === 'certificate'
      ? {
          certificateThumbprintSha1: p.credential.thumbprintSha1,
          certificateThumbprintSha256: p.credential.thumbprintSha256,
        }
      : p.credential.kind === 'secret'
        ? { clientSecret: s.clientSecretDefault || placeholders.clientSecret }
        : {};
  const settings = {
    smtp: {
      host: s.host,
      port: s.port,
      security: s.port === 465 ? 'TLS' : 'STARTTLS',
      authMethod: 'XOAUTH2',
      user: s.user,
      from: s.from,
    },
    oauth: {
      flow: p.flow,
      grantType: s.grantType,
      tenant: p.tenant,
      authorizeUrl: ctx.authorizeUrl,
      tokenUrl: s.tokenUrl,
      clientId: s.clientId,
      ...credential,
      scope: s.scope,
      ...(p.flow === 'delegated'
        ? { redirectUri: p.redirectUri, refreshToken: s.refreshTokenDefault || placeholders.refreshToken }
        : {}),
    },
  };
  return JSON.stringify(settings, null, 2);
}

export function genericExports(ctx: ExportContext): OutputDraft[] {
  const s = genericSettings(ctx);
  return [
    fileOutput({
      name: 'smtp-oauth.env',
      title: 'Generic: .env',
      description: 'Environment variables the scripts below read.',
      language: 'dotenv',
      content: dotenv(ctx, s),
    }),
    fileOutput({
      name: 'smtp-oauth.json',
      title: 'Generic: JSON settings',
      description: 'All settings in one JSON document.',
      language: 'json',
      content: json(ctx, s),
    }),
    fileOutput({
      name: 'send-test-mail.sh',
      title: 'Generic: send a test mail with curl',
      description: `bash script: redeems the ${s.grantType === 'refresh_token' ? 'refresh token' : 'client credentials'} at the token endpoint and sends a test message with curl over SMTP XOAUTH2; with --token-only it prints just the access token.`,
      language: 'shell',
      content: curlScript(s),
    }),
    fileOutput({
      name: 'send-test-mail.cjs',
      title: 'Generic: send a test mail with nodemailer (Node.js)',
      description: 'Gets a token and sends a test message with nodemailer over SMTP XOAUTH2.',
      language: 'javascript',
      content: nodemailerSnippet(s),
    }),
    fileOutput({
      name: 'send_test_mail.py',
      title: 'Generic: send a test mail with Python smtplib',
      description: 'Python 3, standard library only: gets a token and sends a test message with smtplib XOAUTH2.',
      language: 'python',
      content: pythonSnippet(s),
    }),
    fileOutput({
      name: 'SendTestMail.cs',
      title: 'Generic: send a test mail with MailKit (C#)',
      description: 'A .NET console program: gets a token and sends a test message with MailKit (SaslMechanismOAuth2).',
      language: 'csharp',
      content: mailkitSnippet(s),
    }),
  ];
}
