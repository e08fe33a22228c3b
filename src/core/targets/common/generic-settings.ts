import { assertionHeader } from '../../oauth/client-assertion';
import type { ExportContext } from './context';
import { scopeString } from './context';

/**
 * The settings every generic output shares, and the environment variables the scripts
 * read them from. Non-secret values are written in as defaults; secrets come from the
 * environment unless the user chose to include them.
 */
export const env = {
  host: 'SMTP_HOST',
  port: 'SMTP_PORT',
  user: 'SMTP_USER',
  from: 'SMTP_FROM',
  to: 'SMTP_TO',
  tokenUrl: 'SMTP_OAUTH_TOKEN_URL',
  clientId: 'SMTP_OAUTH_CLIENT_ID',
  scope: 'SMTP_OAUTH_SCOPE',
  grantType: 'SMTP_OAUTH_GRANT_TYPE',
  clientSecret: 'SMTP_OAUTH_CLIENT_SECRET',
  refreshToken: 'SMTP_OAUTH_REFRESH_TOKEN',
  accessToken: 'SMTP_OAUTH_ACCESS_TOKEN',
  /** Extra CA for the token endpoint (a TLS-inspecting proxy in front of Entra). */
  caFile: 'SMTP_OAUTH_CA_FILE',
  /** Extra CA for the SMTP server (an internal relay); rarely the same one. */
  smtpCaFile: 'SMTP_CA_FILE',
  privateKeyFile: 'SMTP_OAUTH_PRIVATE_KEY_FILE',
} as const;

export interface GenericSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly from: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly scope: string;
  readonly grantType: 'refresh_token' | 'client_credentials';
  /** The token request must carry a client secret (confidential app with a secret). */
  readonly needsClientSecret: boolean;
  /**
   * With a certificate: the base64url JWT header of the client assertion (PS256 and the
   * certificate's SHA-256 thumbprint as `x5t#S256`); the scripts sign it with the private key.
   */
  readonly assertionHeader?: string;
  /** Values written in as defaults: the secrets only with "Include secrets", else ''. */
  readonly clientSecretDefault: string;
  readonly refreshTokenDefault: string;
}

export function genericSettings(ctx: ExportContext): GenericSettings {
  const p = ctx.profile;
  return {
    host: p.smtpHost,
    port: p.smtpPort,
    user: p.mailbox,
    from: p.fromAddress,
    tokenUrl: ctx.tokenUrl,
    clientId: p.clientId,
    scope: scopeString(p),
    grantType: p.flow === 'app-only' ? 'client_credentials' : 'refresh_token',
    needsClientSecret: p.credential.kind === 'secret',
    assertionHeader: p.credential.kind === 'certificate' ? assertionHeader(p.credential.thumbprintSha256) : undefined,
    clientSecretDefault: ctx.reveal('clientSecret') ?? '',
    refreshTokenDefault: p.flow === 'delegated' ? (ctx.reveal('refreshToken') ?? '') : '',
  };
}

/**
 * How a script's TLS stack takes an extra CA: added to the usual ones (Python, Node), in
 * their place for that connection (curl's --cacert), or only from the system store (.NET).
 */
export type CaHandling = 'adds' | 'replaces' | 'system';

function caHelp(ca: CaHandling): string[] {
  if (ca === 'system') return ['An extra CA has to be trusted by the operating system for .NET to accept it.'];
  const how = ca === 'adds' ? 'to trust besides the usual ones' : 'that curl then trusts instead of its usual ones';
  return [
    `Optional, one CA certificate file (PEM) for each connection, ${how}:`,
    `  ${env.caFile} for the token endpoint (e.g. a TLS-inspecting proxy),`,
    `  ${env.smtpCaFile} for the SMTP server (e.g. an internal relay). Each applies to its own connection only.`,
  ];
}

/** Lines explaining the variables, for the head comment of each script. */
export function envHelp(s: GenericSettings, opts: { readonly ca: CaHandling }): string[] {
  const secretNames = [
    s.needsClientSecret ? env.clientSecret : '',
    s.grantType === 'refresh_token' ? env.refreshToken : '',
  ].filter(Boolean);
  return [
    `Settings come from environment variables (${env.host}, ${env.port}, ${env.user}, ${env.from}, ${env.to},`,
    `${env.tokenUrl}, ${env.clientId}, ${env.scope}); the values below are this profile's defaults.`,
    ...(secretNames.length > 0 ? [`Secrets are read from ${secretNames.join(' and ')}.`] : []),
    ...(s.assertionHeader
      ? [`The certificate's private key (PEM) is read from the file named by ${env.privateKeyFile}.`]
      : []),
    `Or set ${env.accessToken} to use an access token you already have.`,
    ...caHelp(opts.ca),
  ];
}

export const TEST_SUBJECT = 'SMTP OAuth2 test message';
export const TEST_BODY = 'This message was sent with SMTP XOAUTH2 to check the OAuth set-up.';
