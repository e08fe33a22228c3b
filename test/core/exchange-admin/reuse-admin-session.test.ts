// Exchange's part after "Create it for me" asks the registration's own admin sign-in (Microsoft Graph
// Command Line Tools, a real MSAL session against the emulator) for the Exchange token first. Both of
// Entra's answers: a token (preauthorized) and AADSTS65002 (the emulator's default), where the one
// fallback sign-in is used and the reason is said. The session's Exchange token goes nowhere but the
// Exchange request: not into plans, diagnoses, the reason text or a store.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminTokenSource } from '../../../src/core/exchange-admin/admin-token';
import { inspectAppAccess, planAppAccess } from '../../../src/core/exchange-admin/give-access';
import { preparePlan } from '../../../src/core/exchange-admin/prepare';
import { reuseAdminSession, sessionRefusal } from '../../../src/core/exchange-admin/reuse-admin-session';
import { signInAdmin, type AdminSession } from '../../../src/core/registration/admin-session';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { startEmulator, type Emulator } from '../../emulator';
import { CONTOSO, USERS } from '../../emulator/fixtures/ids';
import { httpLoginWindow } from '../../emulator/http-sign-in';
import { daemonAccessRequest, emulatorAdminClient, emulatorAdminTokens } from './emulator-admin';

let emu: Emulator;
let store: MemorySecretStore;
let session: AdminSession;
beforeAll(async () => {
  emu = await startEmulator();
  store = new MemorySecretStore();
  session = await signInAdmin(store, {
    cloud: 'custom',
    customAuthorityHost: emu.authorityHost,
    tenant: CONTOSO,
    clientId: '',
    network: { proxyUrl: '', extraCaPem: emu.caPem, timeoutMs: 15_000 },
    method: 'embedded',
    loginWindow: httpLoginWindow(emu.caPem, () => USERS.alice),
  });
});
afterAll(async () => {
  session?.close();
  await emu?.close();
});
beforeEach(() => {
  emu.exchangeAdmin.switches.firstPartyExchange = 'not-preauthorized';
});

/** A fallback sign-in that counts how often it is asked. */
function countingFallback(): AdminTokenSource & { asked: () => number; issued: string[] } {
  const inner = emulatorAdminTokens(emu, USERS.alice);
  let asked = 0;
  return {
    asked: () => asked,
    issued: inner.issued,
    tokenFor: (resource, signal) => {
      asked++;
      return inner.tokenFor(resource, signal);
    },
  };
}

async function giveAccessPlan(tokens: AdminTokenSource) {
  const port = emulatorAdminClient(emu, tokens);
  const req = daemonAccessRequest();
  return preparePlan(
    port,
    () => inspectAppAccess(port, req),
    (state, upn) => planAppAccess(req, state, upn),
  );
}

describe('reusing the admin sign-in of "Create it for me" for Exchange', () => {
  it('preauthorized: the session gives the Exchange token, nobody signs in again, and the token is in nothing returned or stored', async () => {
    emu.exchangeAdmin.switches.firstPartyExchange = 'preauthorized';
    const fallback = countingFallback();
    const said: string[] = [];
    const prepared = await giveAccessPlan(
      reuseAdminSession({ session, fallback, onSecondSignIn: (why) => said.push(why) }),
    );
    expect(prepared.ok).toBe(true);
    expect(prepared.plan.powershell[0]).toContain(`-UserPrincipalName ${USERS.alice.upn}`);
    expect([fallback.asked(), said]).toEqual([0, []]);
    const exchangeToken = await session.token(['https://outlook.office365.com/.default']);
    expect(exchangeToken.split('.')).toHaveLength(3);
    expect(JSON.stringify(prepared)).not.toContain(exchangeToken);
    expect(JSON.stringify(prepared)).not.toContain(exchangeToken.split('.')[2]);
    // The session put nothing into the store it was given: MSAL's cache is its own memory.
    for (const v of store.allValues()) expect(v).not.toContain(exchangeToken.split('.')[2]);
  });

  it('not preauthorized (AADSTS65002): one fallback sign-in, the reason said once in plain words, and later calls go straight to it', async () => {
    const fallback = countingFallback();
    const said: string[] = [];
    const tokens = reuseAdminSession({ session, fallback, onSecondSignIn: (why) => said.push(why) });
    const prepared = await giveAccessPlan(tokens);
    expect(prepared.ok).toBe(true);
    expect(said).toHaveLength(1);
    expect(said[0]).toBe(
      "Microsoft Graph Command Line Tools, the sign-in app that created the app registration, is a Microsoft app that Microsoft has not allowed to ask Exchange Online for a token (AADSTS65002). One more sign-in is needed for Exchange, with Exchange Online PowerShell's own sign-in app; it is kept in memory only, like the first.",
    );
    await tokens.tokenFor('https://outlook.office365.com');
    expect(said).toHaveLength(1);
    expect(fallback.asked()).toBeGreaterThanOrEqual(2);
    for (const t of fallback.issued) expect(JSON.stringify(prepared)).not.toContain(t);
  });

  it("tells Entra's refusals apart from other failures, which no second sign-in would mend", async () => {
    const refused = await session.token(['https://outlook.office365.com/.default']).catch((e: unknown) => e);
    expect(sessionRefusal(refused)).toBe('first-party');
    expect(sessionRefusal(Object.assign(new Error('AADSTS65001: not consented'), { errorCode: 'invalid_grant' }))).toBe(
      'no-consent',
    );
    expect(sessionRefusal(Object.assign(new Error('x'), { errorCode: 'interaction_required' }))).toBe('interaction');
    expect(sessionRefusal(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBeUndefined();
    const closed = countingFallback();
    const ended = reuseAdminSession({
      session: { ...session, token: () => Promise.reject(new Error('The administrator sign-in has ended')) },
      fallback: closed,
    });
    await expect(ended.tokenFor('https://outlook.office365.com')).rejects.toThrow(/has ended/);
    expect(closed.asked()).toBe(0);
  });
});
