// "Create it for me" when things go wrong (issue 13 items 6 and 7): every failure is a diagnosis,
// what was created is recorded, Continue completes it, and the tenant never holds a second app.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { removeRegistration } from '../../../src/core/registration/remove-registration';
import { runRegistration } from '../../../src/core/registration/run-registration';
import type { RegistrationProgress } from '../../../src/core/registration/run-context';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { CONTOSO, GRAPH_CLI_APP, USERS } from '../../emulator/fixtures/ids';
import { registrationWorld, type RegistrationWorld } from './registration-world';

let w: RegistrationWorld;
beforeAll(async () => {
  w = await registrationWorld('failures');
});
afterAll(() => w?.close());
beforeEach(() => {
  w.emu.graph.faults.clear();
  Object.assign(w.emu.graph.switches, {
    replicationDelaySeconds: 0,
    blockPasswordCredentials: false,
    maxPasswordLifetimeDays: null,
  });
});

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e as { problem?: { code: string } }).problem?.code ?? String(e),
  );

describe('Create it for me: failures, Continue and removal', () => {
  it('a member without a role gets the 403 diagnosis naming the role; an admin then continues with the same app', async () => {
    const started = await w.start('aem');
    const bob = await w.admin(USERS.bob);
    const failure = await runRegistration(started.id, w.deps, { session: bob }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ problem: { code: 'GRAPH_ROLE_MISSING' } });
    const problem = (failure as { problem: { title: string; explanation: string } }).problem;
    expect(problem.title).toBe('Your account may not grant admin consent for the organisation');
    expect(problem.explanation).toContain('Cloud Application Administrator or Application Administrator');
    // What exists is recorded; consent is what is missing.
    const rec = (await w.profiles.get(started.id))!.registration!;
    expect(Object.keys(rec.steps).sort()).toEqual(['application', 'credential', 'servicePrincipal']);
    const done = await runRegistration(started.id, w.deps, { session: await w.admin(USERS.alice) });
    expect(done.registration?.steps.ready).toBeDefined();
    expect(w.appsOf(started.id)).toHaveLength(1);
  });

  it('a fault after the application was created: Continue completes and the tenant holds exactly one application', async () => {
    const started = await w.start('app-only', { mailbox: 'noreply@contoso.com' });
    const session = await w.admin();
    w.emu.graph.faults.set({ http500: true, count: 1, pathIncludes: '/appRoleAssignments' });
    expect(await codeOf(runRegistration(started.id, w.deps, { session }))).toBe('GRAPH_REQUEST_FAILED');
    expect(Object.keys((await w.profiles.get(started.id))!.registration!.steps).sort()).toEqual([
      'application',
      'credential',
      'servicePrincipal',
    ]);
    const done = await runRegistration(started.id, w.deps, { session });
    expect(Object.keys(done.registration!.steps)).toHaveLength(5);
    expect(w.appsOf(started.id)).toHaveLength(1);
  });

  it('a 20-second replication delay shows progress and then succeeds with no error', async () => {
    w.emu.graph.switches.replicationDelaySeconds = 20;
    const started = await w.start('generic');
    const seen: RegistrationProgress[] = [];
    const done = await runRegistration(started.id, w.deps, {
      session: await w.admin(),
      onProgress: (p) => seen.push(p),
    });
    expect(done.registration?.steps.ready).toBeDefined();
    expect(seen.some((p) => p.stage === 'waiting' && /catch up/.test(p.message))).toBe(true);
  });

  it('replication slower than the bound: "continue later", then Continue finishes', async () => {
    w.emu.graph.switches.replicationDelaySeconds = 600;
    const started = await w.start('generic');
    const session = await w.admin();
    expect(await codeOf(runRegistration(started.id, w.deps, { session }))).toBe('GRAPH_REPLICATION_SLOW');
    w.emu.clock.advance(600_000);
    const done = await runRegistration(started.id, w.deps, { session: await w.admin() });
    expect(done.registration?.steps.ready).toBeDefined();
    expect(w.appsOf(started.id)).toHaveLength(1);
  });

  it('the token endpoint not knowing the app within the bound ends in REGISTRATION_NOT_READY, and Continue only re-checks', async () => {
    const started = await w.start('generic');
    const session = await w.admin();
    // Graph is done when the last step starts; from then on the token endpoint does not know the app.
    const run = runRegistration(
      started.id,
      { ...w.deps, replicationBudgetMs: 10_000 },
      {
        session,
        onProgress: (p) => {
          if (p.stage !== 'ready') return;
          const app = w.appsOf(started.id)[0];
          if (app) app.createdAt = w.emu.clock.now();
          w.emu.graph.switches.replicationDelaySeconds = 3600;
        },
      },
    );
    expect(await codeOf(run)).toBe('REGISTRATION_NOT_READY');
    expect(Object.keys((await w.profiles.get(started.id))!.registration!.steps)).not.toContain('ready');
    const before = w.emu.graph.requestLog.length;
    w.emu.graph.switches.replicationDelaySeconds = 0;
    const done = await runRegistration(started.id, w.deps, { session });
    expect(done.registration?.steps.ready).toBeDefined();
    // Only reads: nothing is created again.
    expect(w.emu.graph.requestLog.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('secrets blocked by policy: the diagnosis offers the certificate, and with it the same set-up succeeds', async () => {
    w.emu.graph.switches.blockPasswordCredentials = true;
    const started = await w.start('app-only', { mailbox: 'noreply@contoso.com' });
    const session = await w.admin();
    const failure = await runRegistration(started.id, w.deps, { session }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ problem: { code: 'GRAPH_SECRETS_BLOCKED' } });
    expect(JSON.stringify(failure)).toContain('Use a certificate instead');
    const switched = await w.start('app-only', {
      profileId: started.id,
      credential: 'certificate',
      mailbox: 'noreply@contoso.com',
    });
    expect(switched.registration?.credentialKind).toBe('certificate');
    const done = await runRegistration(started.id, w.deps, { session });
    expect(done.credential.kind).toBe('certificate');
    expect(w.appsOf(started.id)).toHaveLength(1);
  });

  it('a delegated mail system that needs a secret gets no certificate offer when secrets are blocked', async () => {
    w.emu.graph.switches.blockPasswordCredentials = true;
    const started = await w.start('aem');
    const failure = await runRegistration(started.id, w.deps, { session: await w.admin() }).catch((e: unknown) => e);
    expect(JSON.stringify(failure)).toContain('exempt this app from the policy');
  });

  it('a secret lifetime policy: the diagnosis names the field; a shorter lifetime then works', async () => {
    w.emu.graph.switches.maxPasswordLifetimeDays = 200;
    const started = await w.start('generic', { secretLifetimeMonths: 12 });
    const session = await w.admin();
    const failure = await runRegistration(started.id, w.deps, { session }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ problem: { code: 'GRAPH_SECRET_LIFETIME_POLICY', field: 'secretLifetimeMonths' } });
    await w.start('generic', { profileId: started.id, secretLifetimeMonths: 6 });
    const done = await runRegistration(started.id, w.deps, { session });
    expect(done.credential).toMatchObject({ kind: 'secret' });
  });

  it('429 with Retry-After: waits as told, says so, and succeeds', async () => {
    w.emu.graph.faults.set({ http429: true, retryAfter: 2, count: 2, pathIncludes: '/applications' });
    const started = await w.start('generic');
    const seen: RegistrationProgress[] = [];
    const done = await runRegistration(started.id, w.deps, {
      session: await w.admin(),
      onProgress: (p) => seen.push(p),
    });
    expect(done.registration?.steps.ready).toBeDefined();
    expect(seen.some((p) => /asked to slow down; waiting 2 s/.test(p.message))).toBe(true);
  });

  it('Cancel stops it with "continue later"; Continue completes', async () => {
    const started = await w.start('generic');
    const session = await w.admin();
    const stop = new AbortController();
    const run = runRegistration(started.id, w.deps, {
      session,
      signal: stop.signal,
      onProgress: (p) => p.stage === 'servicePrincipal' && stop.abort(),
    });
    expect(await codeOf(run)).toBe('REGISTRATION_CANCELLED');
    const done = await runRegistration(started.id, w.deps, { session });
    expect(done.registration?.steps.ready).toBeDefined();
    expect(w.appsOf(started.id)).toHaveLength(1);
  });

  it('an app deleted in the portal cannot be continued: the diagnosis says so', async () => {
    const started = await w.start('generic');
    const session = await w.admin();
    w.emu.graph.faults.set({ http500: true, count: 1, pathIncludes: '/oauth2PermissionGrants' });
    await codeOf(runRegistration(started.id, w.deps, { session }));
    const tenant = w.emu.directory.tenants.find((t) => t.id === CONTOSO)!;
    tenant.apps = tenant.apps.filter((a) => !w.appsOf(started.id).includes(a));
    w.emu.clock.advance(3600_000);
    expect(await codeOf(runRegistration(started.id, w.deps, { session: await w.admin() }))).toBe(
      'REGISTRATION_APP_GONE',
    );
  });

  it('Remove the app registration deletes the enterprise app, the application and the profile with its keychain entries', async () => {
    const started = await w.start('generic');
    const session = await w.admin();
    const done = await runRegistration(started.id, w.deps, { session });
    const removed = await removeRegistration(done.id, w.deps, { session });
    expect(removed).toMatchObject({ clientId: done.clientId, deleted: ['servicePrincipal', 'application'] });
    expect(w.appsOf(done.id)).toHaveLength(0);
    expect(await w.profiles.get(done.id)).toBeUndefined();
    // By name: the store does not enumerate (issue 11.1).
    for (const key of Object.values(secretKeys)) expect(await w.keychain.store.get(key(done.id))).toBeNull();
  });

  it('the sign-in client blocked for the admin (AADSTS50105) or without consent (AADSTS65001) is diagnosed with the way out', async () => {
    const cli = w.emu.directory.tenants.find((t) => t.id === CONTOSO)!.apps.find((a) => a.clientId === GRAPH_CLI_APP)!;
    cli.assignmentRequired = true;
    const blocked = await w.admin().catch((e: unknown) => e);
    cli.assignmentRequired = false;
    expect(blocked).toMatchObject({ problem: { code: 'ADMIN_CLIENT_BLOCKED' } });
    expect(JSON.stringify(blocked)).toContain('Sign-in app');
    expect(JSON.stringify(blocked)).toContain('I’ll do it myself');
    Object.assign(cli, { adminConsent: false, blockUserConsent: true });
    const consent = await w.admin().catch((e: unknown) => e);
    Object.assign(cli, { adminConsent: true, blockUserConsent: false });
    expect(consent).toMatchObject({ problem: { code: 'ADMIN_CLIENT_NEEDS_CONSENT' } });
  });
});
