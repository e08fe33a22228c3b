import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('keychain store without a Secret Service', () => {
  it('reports the keychain as unavailable in plain words and throws a typed error, never crashes', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    delete env.DISPLAY;
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/core/secrets/no-keychain-probe.ts'], {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    const { status, thrown } = JSON.parse(out) as {
      status: { available: boolean; message?: string };
      thrown: { name: string; reason: string; message: string } | null;
    };
    expect(status.available).toBe(false);
    expect(status.message).toMatch(/keychain is not available|keychain is locked/);
    expect(thrown?.name).toBe('SecretStoreError');
    expect(thrown?.message).toMatch(/Secret Service/);
  });
});
