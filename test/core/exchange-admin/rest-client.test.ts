// The product's Exchange admin client against the emulator's InvokeCommand stand-in: headers,
// paging, warnings, and each way it can fail classified for its diagnosis (reference §14.1).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator';
import { MAILBOXES, USERS } from '../../emulator/fixtures/ids';
import { cmdlets } from '../../../src/core/exchange-admin/cmdlets';
import { isExchangeAdminError, type ExchangeAdminError } from '../../../src/core/exchange-admin/admin-error';
import { createExchangeAdminClient } from '../../../src/core/exchange-admin/rest-client';
import { createHttpClient, type HttpClient } from '../../../src/core/net/http-client';
import { emulatorAdminClient, emulatorAdminTokens } from './emulator-admin';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.faults.clear();
  Object.assign(emu.exchangeAdmin.switches, { nonAdminReply: 'cmdlet-not-recognized', maxPageSize: 1000 });
});

const failure = async (p: Promise<unknown>): Promise<ExchangeAdminError> => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!isExchangeAdminError(e)) throw new Error(`expected an ExchangeAdminError, got ${String(e)}`);
  return e;
};

describe('createExchangeAdminClient', () => {
  it('runs a cmdlet as the admin and reads its rows, asking for the token once', async () => {
    const tokens = emulatorAdminTokens(emu, USERS.alice);
    const client = emulatorAdminClient(emu, tokens);
    const r = await client.invoke(cmdlets.getCasMailbox(USERS.dave.upn));
    expect(r.rows[0]).toMatchObject({ PrimarySmtpAddress: USERS.dave.upn, SmtpClientAuthenticationDisabled: true });
    await client.invoke(cmdlets.getTransportConfig());
    expect(tokens.fetched()).toBe(1);
    expect(client.account()).toEqual({ upn: USERS.alice.upn, tenantId: '11111111-1111-4111-8111-111111111111' });
  });

  it('follows @odata.nextLink until the last page', async () => {
    emu.exchangeAdmin.switches.maxPageSize = 2;
    const client = emulatorAdminClient(emu, emulatorAdminTokens(emu, USERS.alice));
    const r = await client.invoke({ name: 'Get-CASMailbox', parameters: {} });
    expect(r.rows.map((m) => m.PrimarySmtpAddress)).toEqual(emu.directory.tenants[0]!.mailboxes.map((m) => m.address));
  });

  it("passes Exchange's warnings on", async () => {
    const client = emulatorAdminClient(emu, emulatorAdminTokens(emu, USERS.alice));
    const r = await client.invoke(cmdlets.setCasMailbox(USERS.alice.upn, false));
    expect(r.warnings).toEqual([expect.stringMatching(/no settings of .* have been modified/)]);
  });

  it('classifies a user without an Exchange role as not-admin, in both forms Exchange may use', async () => {
    const client = emulatorAdminClient(emu, emulatorAdminTokens(emu, USERS.dave));
    expect((await failure(client.invoke(cmdlets.getTransportConfig()))).kind).toBe('not-admin');
    emu.exchangeAdmin.switches.nonAdminReply = 'http-403';
    expect((await failure(client.invoke(cmdlets.getTransportConfig()))).kind).toBe('not-admin');
  });

  it("classifies a missing object, a duplicate and other cmdlet errors, keeping Exchange's ids", async () => {
    const client = emulatorAdminClient(emu, emulatorAdminTokens(emu, USERS.alice));
    const missing = await failure(client.invoke(cmdlets.getCasMailbox('ghost@contoso.com')));
    expect(missing).toMatchObject({ kind: 'not-found', status: 404, errorId: 'Ex6F9304' });
    expect(missing.message).toMatch(/couldn't be found/);
    const dup = await failure(
      client.invoke(
        cmdlets.newServicePrincipal(
          'aaaaaaaa-0000-4000-8000-000000000002',
          '5a5a5a5a-0000-4000-8000-000000000002',
          'x',
        ),
      ),
    );
    expect(dup.kind).toBe('already-exists');
    const bad = await failure(
      client.invoke({
        name: 'Add-RecipientPermission',
        parameters: { Identity: MAILBOXES.shared, Trustee: USERS.erin.upn, AccessRights: ['FullAccess'] },
      }),
    );
    expect(bad.kind).toBe('cmdlet');
  });

  it("calls a 503 that outlasts the retries and a path that is not Exchange's unavailable, a closed port network", async () => {
    emu.faults.set({ http503: true, pathIncludes: '/adminapi' });
    const tokens = emulatorAdminTokens(emu, USERS.alice);
    expect((await failure(emulatorAdminClient(emu, tokens).invoke(cmdlets.getTransportConfig()))).kind).toBe(
      'unavailable',
    );
    emu.faults.clear();
    const wrong = createExchangeAdminClient({
      baseUrl: `${emu.authorityHost}/not-exchange`,
      resource: 'https://outlook.office365.com',
      tokens,
      http: createHttpClient({ extraCaPem: emu.caPem }),
    });
    expect((await failure(wrong.invoke(cmdlets.getTransportConfig()))).kind).toBe('unavailable');
    const closed = createExchangeAdminClient({
      baseUrl: 'https://127.0.0.1:1',
      resource: 'https://outlook.office365.com',
      tokens,
      http: createHttpClient({ timeoutMs: 5_000 }),
    });
    expect((await failure(closed.invoke(cmdlets.getTransportConfig()))).kind).toBe('network');
  });

  it('calls a 429 that outlasts the retries throttled', async () => {
    emu.faults.set({ http429: true, pathIncludes: '/adminapi' });
    const client = emulatorAdminClient(emu, emulatorAdminTokens(emu, USERS.alice));
    expect((await failure(client.invoke(cmdlets.getTransportConfig()))).kind).toBe('throttled');
  });

  it('sends the admin token to Exchange only: a next link to another host is refused', async () => {
    const seen: string[] = [];
    const http: HttpClient = {
      async request(req) {
        seen.push(new URL(req.url).host);
        return {
          status: 200,
          headers: {},
          attempts: 1,
          body: JSON.stringify({
            value: [{}],
            '@odata.nextLink': 'https://elsewhere.example/adminapi/beta/x/InvokeCommand',
          }),
        };
      },
      close() {},
    };
    const client = createExchangeAdminClient({
      baseUrl: 'https://outlook.office365.com',
      resource: 'https://outlook.office365.com',
      tokens: { tokenFor: async () => ({ accessToken: 't', account: { upn: 'a@b.c', tenantId: 'tid' } }) },
      http,
    });
    expect((await failure(client.invoke(cmdlets.getTransportConfig()))).kind).toBe('unavailable');
    expect(seen).toEqual(['outlook.office365.com']);
  });
});
