// npm run bench:refresh — how much our raw refresh costs against the bare protocol.
// 1. Signs alice in (emulator, HTTP-driven login window port), so a refresh token is in the store.
// 2. Warms up, then checks that one refresh makes exactly ONE request to the identity provider.
// 3. Times N refreshes through redeemStoredRefreshToken (keychain read, POST, rotation stored,
//    token state recorded, claims inspected) against N bare fetch POSTs of the same grant.
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import { signInDelegated } from '../../../src/core/oauth/delegated';
import { redeemStoredRefreshToken } from '../../../src/core/oauth/raw-refresh';
import { httpClientFor } from '../../../src/core/oauth/msal-app';
import type { LoginWindowPort } from '../../../src/core/oauth/login-ports';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { createKeytarSecretStore } from '../../../src/core/secrets/keytar-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { SecretStore } from '../../../src/core/secrets/secret-store';
import { startEmulator } from '../../emulator';
import { loadKeyMaterial } from '../../emulator/key-material';
import { AEM_SECRET, USERS } from '../../emulator/fixtures/ids';
import { signInOverHttp } from '../../emulator/sign-in-driver';
import { emulatorProfile } from './emulator-profile';
import { median } from '../../../scripts/bench-process';

const N = Number(process.env.BENCH_N ?? 50);

async function pickStore(): Promise<{ store: SecretStore; label: string }> {
  const keychain = createKeytarSecretStore(`smtp-oauth-wizard-bench-${process.pid}`);
  const status = await keychain.status().catch(() => ({ available: false as const }));
  return status.available
    ? { store: keychain, label: 'OS keychain' }
    : { store: new MemorySecretStore(), label: 'memory (no keychain in this session)' };
}

async function main(): Promise<void> {
  const emu = await startEmulator();
  const { store: secrets, label } = await pickStore();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-bench-'));
  const profiles = createProfileStore({ file: path.join(dir, 'profiles.json'), secrets });
  const { id: _i, createdAt: _c, updatedAt: _u, tokenState: _t, ...draft } = emulatorProfile(emu);
  const profile = await profiles.create(draft, { clientSecret: AEM_SECRET });
  try {
    const httpWindow: LoginWindowPort = {
      open: async ({ url }) => {
        const end = await signInOverHttp(url, emu.caPem, { upn: USERS.alice.upn, password: USERS.alice.password });
        if (end.kind !== 'redirect') throw new Error(`sign-in ended on ${end.kind}`);
        return end.location;
      },
    };
    await signInDelegated(profile, { secrets, profiles, loginWindow: httpWindow, now: () => emu.clock.now() });

    const http = httpClientFor(profile);
    const ours = () => redeemStoredRefreshToken(profile, { secrets, profiles, http, now: () => emu.clock.now() });
    await ours(); // warm: TLS session, keep-alive connection, keychain
    const before = emu.requestLog.length;
    await ours();
    const requests = emu.requestLog.slice(before);
    console.log(
      `requests to the IdP for one warm refresh: ${requests.length} (${requests.map((r) => `${r.method} ${r.path} ${r.grantType ?? ''}`.trim()).join(', ')})`,
    );
    if (requests.length !== 1 || requests[0]?.grantType !== 'refresh_token')
      throw new Error('expected exactly one refresh_token request');

    const oursMs: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      await ours();
      oursMs.push(performance.now() - t0);
    }

    // The bare protocol: the same grant as a plain global fetch POST (keep-alive; the emulator's CA
    // comes from NODE_EXTRA_CA_CERTS set by the parent process), rotating the token by hand.
    let rt = (await secrets.get(secretKeys.refreshToken(profile.id))) ?? '';
    const bare = async () => {
      const res = await fetch(emu.tokenEndpoint(profile.tenant), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: profile.clientId,
          grant_type: 'refresh_token',
          refresh_token: rt,
          scope: profile.scopes.join(' '),
          client_secret: AEM_SECRET,
        }).toString(),
      });
      const body = (await res.json()) as { refresh_token?: string };
      if (!res.ok || !body.refresh_token) throw new Error(`bare refresh failed: ${res.status}`);
      rt = body.refresh_token;
    };
    await bare();
    const bareMs: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      await bare();
      bareMs.push(performance.now() - t0);
    }
    http.close();

    const o = median(oursMs);
    const b = median(bareMs);
    console.log(`secret store: ${label}; ${N} refreshes each`);
    console.log(`ours (redeemStoredRefreshToken): median ${o.toFixed(2)} ms`);
    console.log(`bare fetch POST of the same grant: median ${b.toFixed(2)} ms`);
    console.log(`ratio ours / bare: ${(o / b).toFixed(2)}`);
  } finally {
    await profiles.remove(profile.id);
    await emu.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Global fetch reads extra CAs only at process start, so the parent writes the system
 * bundle plus the emulator's (fixed, test-only) CA to a file and runs the bench as a child.
 */
function relaunchWithEmulatorCa(): number {
  const bundle = path.join(os.tmpdir(), `sow-bench-ca-${process.pid}.pem`);
  const system = process.env.NODE_EXTRA_CA_CERTS ? readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8') : '';
  writeFileSync(bundle, `${system}\n${loadKeyMaterial().caCertPem}\n`);
  const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: bundle, SOW_BENCH_CHILD: '1' },
  });
  rmSync(bundle, { force: true });
  return r.status ?? 1;
}

if (process.env.SOW_BENCH_CHILD === '1') {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  process.exit(relaunchWithEmulatorCa());
}
