// `npm run emulator`: the stand-in on its own, so a person can click through the pages.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from './index';
import * as ids from './fixtures/ids';

async function main(): Promise<void> {
  const emu = await startEmulator({ behaviour: { deviceCodeIntervalSeconds: 5 } });
  const caPath = join(tmpdir(), `smtp-oauth-wizard-emulator-ca-${process.pid}.pem`);
  writeFileSync(caPath, emu.caPem);
  const lines = [
    'Microsoft stand-in (Entra ID + Exchange Online SMTP) is running. Ctrl+C stops it.',
    '',
    `Authority (Contoso):   ${emu.authority()}`,
    `Authority (Fabrikam):  ${emu.authority(ids.FABRIKAM)}`,
    `Common authority:      ${emu.authority('common')}`,
    `MSAL knownAuthorities: ['${emu.host}']`,
    `Token endpoint:        ${emu.tokenEndpoint()}`,
    `Device login page:     ${emu.authorityHost}/devicelogin`,
    `SMTP (STARTTLS):       ${emu.smtp.host}:${emu.smtp.port}`,
    `CA certificate:        ${caPath}   (curl --cacert, NODE_EXTRA_CA_CERTS, python cafile)`,
    '',
    'Apps (client id / secret):',
    `  AEM Mailer (web, delegated)   ${ids.AEM_APP} / ${ids.AEM_SECRET}`,
    `  Daemon Mailer (app-only)      ${ids.DAEMON_APP} / ${ids.DAEMON_SECRET}  (+ certificate, thumbprint ${emu.certificates.app2.thumbprintSha1Hex})`,
    `  Desktop Public Client         ${ids.PUBLIC_APP}`,
    `  Fabrikam Mailer               ${ids.FABRIKAM_APP} / ${ids.FABRIKAM_SECRET}`,
    '',
    'Users (password):',
    ...Object.entries(ids.USERS).map(([name, u]) => `  ${u.upn.padEnd(22)} ${u.password.padEnd(10)} (${name})`),
    '',
    `Try: ${emu.authority()}/oauth2/v2.0/authorize?client_id=${ids.AEM_APP}&response_type=code&redirect_uri=http://localhost&scope=https://outlook.office.com/SMTP.Send%20offline_access%20openid&state=demo`,
  ];
  console.log(lines.join('\n'));
  const stop = (): void => {
    void emu.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
