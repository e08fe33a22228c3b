// "Create it for me" against the emulator's Graph, identity provider and SMTP server, with the real
// keychain: what it creates is what Graph shows, and the profile it fills in signs in and sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireAppOnly } from '../../../src/core/oauth/app-only';
import { signInDelegated } from '../../../src/core/oauth/delegated';
import { runRegistration } from '../../../src/core/registration/run-registration';
import type { RegistrationProgress } from '../../../src/core/registration/run-context';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { verifySmtp } from '../../../src/core/smtp/verify-smtp';
import { CONTOSO, CONTOSO_EXCHANGE_SP, CONTOSO_GRAPH_SP, USERS } from '../../emulator/fixtures/ids';
import { httpLoginWindow } from '../../emulator/http-sign-in';
import { registrationWorld, type RegistrationWorld } from './registration-world';

let w: RegistrationWorld;
beforeAll(async () => {
  w = await registrationWorld('create');
});
afterAll(() => w?.close());

describe('Create it for me (core)', () => {
  it('delegated AEM: app, secret in the keychain, enterprise app, tenant-wide consent; the mailbox then signs in and sends', async () => {
    const started = await w.start('aem');
    expect(started.registration?.steps).toEqual({});
    const session = await w.admin();
    const seen: RegistrationProgress[] = [];
    const profile = await runRegistration(started.id, w.deps, { session, onProgress: (p) => seen.push(p) });

    const rec = profile.registration!;
    expect(Object.keys(rec.steps).sort()).toEqual([
      'application',
      'consent',
      'credential',
      'ready',
      'servicePrincipal',
    ]);
    expect(rec).toMatchObject({ tenantId: CONTOSO, tenantName: 'Contoso', initialDomain: 'contoso.onmicrosoft.com' });
    expect(profile.tenant).toBe(CONTOSO);
    expect(seen.map((p) => p.stage)).toEqual(
      expect.arrayContaining(['tenant', 'application', 'credential', 'servicePrincipal', 'consent', 'ready']),
    );

    // What Graph holds: one app with the target's platform, redirect URIs and permissions by id.
    const [app] = w.appsOf(profile.id);
    expect(w.appsOf(profile.id)).toHaveLength(1);
    expect(app).toMatchObject({
      clientId: profile.clientId,
      objectId: rec.applicationObjectId,
      platform: 'web',
      redirectUris: ['http://localhost', 'http://localhost/'],
      servicePrincipalObjectId: rec.servicePrincipalObjectId,
    });
    const exo = app!.requiredResourceAccess?.find((r) => r.resourceAppId === '00000002-0000-0ff1-ce00-000000000000');
    expect(exo?.resourceAccess).toContainEqual({ id: '76faac2a-0f20-42f1-928a-50de5b9dbe52', type: 'Scope' });
    const grants = w.emu.directory.tenants[0]!.oauth2PermissionGrants!.filter(
      (g) => g.clientId === rec.servicePrincipalObjectId,
    );
    const granted = (resourceId: string) =>
      grants
        .find((g) => g.resourceId === resourceId)
        ?.scope.split(' ')
        .sort();
    // AEM's permissions as Adobe's page lists them: SMTP.Send on Exchange, the sign-in scopes on Graph.
    expect(granted(CONTOSO_EXCHANGE_SP)).toEqual(['SMTP.Send']);
    expect(granted(CONTOSO_GRAPH_SP)).toEqual(['email', 'offline_access', 'openid', 'profile']);

    // The secret went to the keychain only; the profile knows its id and expiry.
    const secret = await w.keychain.store.get(secretKeys.clientSecret(profile.id));
    expect(secret).toBe(app!.secrets[0]?.value);
    expect(profile.credential).toMatchObject({ kind: 'secret', secretId: app!.secrets[0]?.id });
    expect(JSON.stringify(profile)).not.toContain(secret!);

    // The mailbox user signs in to the new app (no consent page: the admin consented) and sends.
    const signedIn = await signInDelegated(profile, {
      secrets: w.keychain.store,
      loginWindow: httpLoginWindow(w.emu.caPem, () => ({ ...USERS.alice, consent: 'cancel' })),
      now: () => w.emu.clock.now(),
    });
    expect(signedIn.inspection.verdict.fit).toBe('yes');
    const report = await verifySmtp({
      profile,
      accessToken: signedIn.accessToken,
      tokenInspection: signedIn.inspection,
      send: { to: USERS.alice.upn },
    });
    expect(report.ok).toBe(true);
  });

  it('running it again for the same profile reuses the application: still exactly one', async () => {
    const started = await w.start('generic');
    const session = await w.admin();
    const first = await runRegistration(started.id, w.deps, { session });
    const again = await w.start('generic', { profileId: first.id });
    const second = await runRegistration(again.id, w.deps, { session });
    expect(second.clientId).toBe(first.clientId);
    expect(w.appsOf(first.id)).toHaveLength(1);
  });

  it('a run cut off after the application was created finds it again by its tag instead of making a second', async () => {
    const started = await w.start('generic');
    const session = await w.admin();
    // As if the app died between Graph's 201 and saving the record: the app exists, the record does not say so.
    w.emu.graph.faults.set({ http500: true, count: 1, pathIncludes: '/addPassword' });
    await expect(runRegistration(started.id, w.deps, { session })).rejects.toMatchObject({
      problem: { code: 'GRAPH_REQUEST_FAILED' },
    });
    const profile = (await w.profiles.get(started.id))!;
    const { applicationObjectId: _gone, steps, ...rest } = profile.registration!;
    const { application: _step, ...otherSteps } = steps;
    await w.profiles.update(profile.id, { ...profile, registration: { ...rest, steps: otherSteps } });
    const done = await runRegistration(started.id, w.deps, { session });
    expect(w.appsOf(done.id)).toHaveLength(1);
    expect(done.registration?.steps.ready).toBeDefined();
  });

  it('app-only with a generated certificate: key in the keychain, public part uploaded, SMTP.SendAsApp in the token, oid = the service principal', async () => {
    const started = await w.start('app-only', { credential: 'certificate', mailbox: 'noreply@contoso.com' });
    const session = await w.admin();
    const profile = await runRegistration(started.id, w.deps, { session });
    const rec = profile.registration!;
    expect(profile.credential.kind).toBe('certificate');
    const key = await w.keychain.store.get(secretKeys.certificateKey(profile.id));
    expect(key).toMatch(/BEGIN PRIVATE KEY/);
    const [app] = w.appsOf(profile.id);
    expect(app!.certificates).toHaveLength(1);
    expect(app!.certificates[0]!.certPem).not.toContain('PRIVATE');
    expect(app!.secrets).toHaveLength(0);
    const token = await acquireAppOnly(profile, { secrets: w.keychain.store, now: () => w.emu.clock.now() });
    const claims = token.inspection.kind === 'jwt' ? token.inspection.claims : undefined;
    expect(claims?.roles).toEqual(['SMTP.SendAsApp']);
    const payload = JSON.parse(Buffer.from(token.accessToken.split('.')[1]!, 'base64url').toString()) as {
      oid: string;
    };
    expect(payload.oid).toBe(rec.servicePrincipalObjectId);
  });
});
