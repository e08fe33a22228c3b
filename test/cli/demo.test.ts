import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

describe('npm run demo', () => {
  it('runs acquire -> verify -> export for an app-only and a delegated profile, then creates both with Create it for me, and exits 0', async () => {
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'demo.ts')], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (text += d));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, out: text }));
    });
    expect(code, out).toBe(0);
    expect(out).toContain('App roles:    SMTP.SendAsApp');
    expect(out).toContain('✓ Signed in as alice@contoso.com; refresh token stored in');
    expect(out.match(/Verdict: {6}✓ The token itself is valid for SMTP\./g)).toHaveLength(4);
    expect(out.match(/test message accepted/g)).toHaveLength(4);
    expect(out).toContain('com.day.cq.mailer.oauth.impl.OAuthConfigurationProviderImpl.cfg.json');
    expect(out).toContain(
      '✓ Created “SMTP OAuth – Adobe Experience Manager as a Cloud Service – alice@contoso.com” in Contoso (contoso.onmicrosoft.com)',
    );
    expect(out).toMatch(/New-ServicePrincipal -AppId [0-9a-f-]{36} -ObjectId [0-9a-f-]{36}/);
    expect(out).toContain('All four set-ups work.');
    // What a user sees never holds a token or a secret.
    expect(out).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(out).not.toContain('Qq7~daemon-secret');
  }, 60_000);
});
