import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { ExportOutput } from '../../../src/shared/export-output';
import { fixtureProfile, fixtureTokens } from '../../core/targets/fixture-profile';
import { createBrowserTestPorts } from '../../support/browser-ports';

/** `export:list` carries the AEM choice (egress proxy or direct) from the window to the exporter, validated. */
const dir = mkdtempSync(join(tmpdir(), 'sow-exports-aem-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function setup() {
  const secrets = new MemorySecretStore();
  const ports = createBrowserTestPorts({ secrets, profilesFile: join(dir, 'profiles.json') });
  const handlers = createHandlers(ports);
  const call = (channel: string, request: unknown) =>
    dispatch(handlers, channel, request, { signal: new AbortController().signal, progress: () => undefined });
  // The AEM fixture as the wizard would save it (the store fills id, dates and token state).
  const { id: _id, createdAt: _c, updatedAt: _u, tokenState: _t, ...draft } = fixtureProfile('aem');
  const saved = await call('profiles:save', { draft, secrets: { clientSecret: fixtureTokens.clientSecret } });
  const profileId = saved.ok ? (saved.value as { profile: { id: string } }).profile.id : '';
  return { call, secrets, profileId };
}

const mailService = (outputs: readonly ExportOutput[]) =>
  JSON.parse(
    outputs.find((o) => o.name === 'com.day.cq.mailer.DefaultMailService.cfg.json')?.content ?? '{}',
  ) as Record<string, unknown>;

describe('export:list for AEM', () => {
  it('defaults to the Cloud Service egress proxy and honours a direct connection or another port', async () => {
    const { call, profileId } = await setup();
    const cloud = await call('export:list', { profileId, includeSecrets: false });
    expect(cloud.ok && mailService(cloud.value as ExportOutput[])).toMatchObject({ 'smtp.port': 30587 });
    const direct = await call('export:list', {
      profileId,
      includeSecrets: false,
      aem: { connection: 'direct', proxyPort: 30587 },
    });
    expect(direct.ok && mailService(direct.value as ExportOutput[])).toMatchObject({
      'smtp.host': 'smtp.office365.com',
      'smtp.port': 587,
    });
    const other = await call('export:list', { profileId, includeSecrets: false, aem: { proxyPort: 30999 } });
    expect(other.ok && mailService(other.value as ExportOutput[])).toMatchObject({ 'smtp.port': 30999 });
  });

  it('refuses a port outside 30000-30999 as bad input, and measures a stored 2,049-character refresh token', async () => {
    const { call, secrets, profileId } = await setup();
    const bad = await call('export:list', { profileId, includeSecrets: false, aem: { proxyPort: 587 } });
    expect(bad.ok).toBe(false);
    await secrets.set(secretKeys.refreshToken(profileId), 't'.repeat(2049));
    const r = await call('export:list', { profileId, includeSecrets: false });
    const outputs = r.ok ? (r.value as ExportOutput[]) : [];
    const check = outputs.find((o) => o.name === 'aem-cloud-manager-secret-variables.txt')?.checks?.[0];
    expect(check).toMatchObject({ status: 'too-long', measured: 2049, limit: 2048 });
  });
});
