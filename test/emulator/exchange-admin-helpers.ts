// Helpers for tests of the Exchange admin REST stand-in (and of the product's client against it):
// an Exchange admin's delegated token, and raw InvokeCommand calls over HTTPS.
import { type Emulator } from './index';
import { EXO_MODULE_APP } from './fixtures/ids';
import { httpsRequest } from './sign-in-driver';
import { postToken } from './test-helpers';

/** A delegated token for https://outlook.office365.com (Exchange.Manage) through the password grant. */
export async function exchangeAdminToken(emu: Emulator, user: { upn: string; password: string }): Promise<string> {
  const res = await postToken(emu, undefined, {
    grant_type: 'password',
    client_id: EXO_MODULE_APP,
    username: user.upn,
    password: user.password,
    scope: 'https://outlook.office365.com/.default',
  });
  if (res.status !== 200) throw new Error(`admin token: ${JSON.stringify(res.json)}`);
  return String(res.json.access_token);
}

export interface InvokeResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly json: Record<string, unknown>;
}

/** POSTs one CmdletInput to InvokeCommand (or to `url`, e.g. an @odata.nextLink) as the module does. */
export async function invokeCmdlet(
  emu: Emulator,
  token: string,
  cmdlet: string,
  parameters: Record<string, unknown> = {},
  o: { url?: string; anchor?: string | null; headers?: Record<string, string> } = {},
): Promise<InvokeResult> {
  const upn = String(
    (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { upn?: string }).upn,
  );
  const anchor = o.anchor === undefined ? `UPN:${upn}` : o.anchor;
  const res = await httpsRequest(o.url ?? emu.exchangeAdmin.invokeUrl(), emu.caPem, {
    body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json; charset=utf-8',
      ...(anchor !== null ? { 'X-AnchorMailbox': anchor } : {}),
      ...o.headers,
    },
  });
  return { status: res.status, headers: res.headers, json: JSON.parse(res.body) as Record<string, unknown> };
}

/** The rows of a successful call (throws with the error otherwise). */
export function rows(r: InvokeResult): Record<string, unknown>[] {
  if (r.status !== 200) throw new Error(`InvokeCommand ${r.status}: ${JSON.stringify(r.json)}`);
  return r.json.value as Record<string, unknown>[];
}

/** `details[0].message` split as ExoHelper does: error id, exception type, text (§14.1.4). */
export function cmdletError(r: InvokeResult): { id: string; type: string; message: string } {
  const details = ((r.json.error as { details?: { message?: string }[] } | undefined)?.details ?? [])[0];
  const [id = '', type = '', ...rest] = (details?.message ?? '').split('|');
  return { id, type, message: rest.join('|') };
}
