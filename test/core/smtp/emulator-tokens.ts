import https from 'node:https';
import type { Emulator } from '../../emulator';
import { AEM_APP, AEM_SECRET, DAEMON_APP, DAEMON_SECRET } from '../../emulator/fixtures/ids';
import { makeProfile } from './fixtures';
import type { Profile } from '../../../src/shared/profile';

/** POSTs a form to the emulator's token endpoint over HTTPS (trusting its CA) and returns the access token. */
export function requestToken(emu: Emulator, form: Readonly<Record<string, string>>): Promise<string> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = https.request(
      emu.tokenEndpoint(),
      {
        method: 'POST',
        ca: emu.caPem,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            access_token?: string;
            error_description?: string;
          };
          if (json.access_token) resolve(json.access_token);
          else reject(new Error(`token request failed: ${json.error_description ?? res.statusCode}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** App-only token for the Daemon Mailer (SMTP.SendAsApp, service principal registered, FullAccess on noreply@). */
export const daemonToken = (emu: Emulator, clientId = DAEMON_APP, secret = DAEMON_SECRET): Promise<string> =>
  requestToken(emu, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
    scope: 'https://outlook.office365.com/.default',
  });

/** Delegated token through the password grant (the emulator's non-interactive sign-in). */
export const userToken = (
  emu: Emulator,
  username: string,
  password: string,
  scope = 'https://outlook.office.com/SMTP.Send offline_access',
): Promise<string> =>
  requestToken(emu, {
    grant_type: 'password',
    client_id: AEM_APP,
    client_secret: AEM_SECRET,
    username,
    password,
    scope,
  });

/** A profile pointing at the emulator's SMTP server and trusting its CA. */
export function emulatorProfile(emu: Emulator, over: Partial<Profile> = {}): Profile {
  return makeProfile({
    smtpHost: emu.smtp.host,
    smtpPort: emu.smtp.port,
    network: { proxyUrl: '', extraCaPem: emu.caPem, timeoutMs: 10_000 },
    ...over,
  });
}
