import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profilesFileIn } from '../../src/core/profiles/default-location';
import { createProfileStore } from '../../src/core/profiles/profile-store';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import type { Profile } from '../../src/shared/profile';
import { startEmulator, type Emulator } from '../emulator';
import { AEM_SECRET, DAEMON_SECRET, MAILBOXES, USERS } from '../emulator/fixtures/ids';
import { daemonDraft } from './bulk-world';
import { cliSandbox, errorLines, type CliSandbox } from './cli-harness';
import { signedInAemProfile } from './signed-in-profile';

let emu: Emulator;
let cli: CliSandbox;
let daemon: Profile;
let aem: Profile;
let refreshToken: string;

beforeAll(async () => {
  emu = await startEmulator();
  cli = await cliSandbox('commands');
  daemon = await cli.store.create(daemonDraft(emu, { name: 'Daemon' }), { clientSecret: DAEMON_SECRET });
  ({ profile: aem, refreshToken } = await signedInAemProfile(cli, emu, 'AEM Alice', USERS.alice));
});
afterAll(async () => {
  await emu?.close();
  await cli?.dispose();
});

describe('the command over the app profile file and keychain', () => {
  it('lists the profiles, as a table and as JSON, without secrets', async () => {
    const table = await cli.run(['profiles', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^NAME\s+ID\s+FLOW/);
    expect(table.stdout).toContain(daemon.id);
    const doc = JSON.parse((await cli.run(['profiles', 'list', '--json'])).stdout) as {
      profiles: { name: string; flow: string }[];
    };
    expect(doc.profiles.map((p) => [p.name, p.flow])).toEqual([
      ['Daemon', 'app-only'],
      ['AEM Alice', 'delegated'],
    ]);
    expect(table.stdout + JSON.stringify(doc)).not.toContain(DAEMON_SECRET);
  });

  it('explains an app-only token in plain words and prints the token only with --show-token', async () => {
    const r = await cli.run(['token', 'daemon']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('App roles:    SMTP.SendAsApp');
    expect(r.stdout).toContain('Verdict:      ✓ The token itself is valid for SMTP.');
    expect(r.stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    const shown = await cli.run(['token', daemon.id, '--show-token', '--json']);
    const doc = JSON.parse(shown.stdout) as {
      ok: boolean;
      accessToken?: string;
      inspection: { claims: { roles: string[] } };
    };
    expect(doc.ok).toBe(true);
    expect(doc.accessToken).toMatch(/^eyJ/);
    expect(doc.inspection.claims.roles).toEqual(['SMTP.SendAsApp']);
  });

  it('redeems a delegated profile’s stored refresh token as the target would, never printing it', async () => {
    const r = await cli.run(['token', 'AEM Alice']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Scopes:       SMTP.Send');
    expect(r.stdout).toContain(`Belongs to:   ${USERS.alice.upn}`);
    expect(r.stdout + r.stderr).not.toContain(refreshToken);
    // Rotated in the keychain, exactly as the desktop app would have it.
    expect(await cli.secrets.get(secretKeys.refreshToken(aem.id))).not.toBe(refreshToken);
  });

  it('verifies: logs in, sends a test message on request, records the result on the profile', async () => {
    const r = await cli.run(['verify', 'AEM Alice', '--send-to', MAILBOXES.noreply]);
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✓ Logged in and sent a test message from ${USERS.alice.upn} to ${MAILBOXES.noreply}`);
    expect(emu.messages(MAILBOXES.noreply).some((m) => m.authUser === USERS.alice.upn)).toBe(true);
    const json = await cli.run(['verify', 'Daemon', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, report: { ok: true, authUser: MAILBOXES.noreply } });
    expect(json.stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  it('explains a failed login and exits 1', async () => {
    const bad = await cli.store.create(
      daemonDraft(emu, {
        name: 'Daemon unpermitted',
        mailbox: MAILBOXES.unpermitted,
        fromAddress: MAILBOXES.unpermitted,
      }),
      { clientSecret: DAEMON_SECRET },
    );
    const r = await cli.run(['verify', bad.id]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[SMTP_430_4.2.0]');
    expect(r.stdout).toContain('What to do:');
    // A fresh store: the CLI wrote the file after this process had read it.
    const reread = createProfileStore({ file: profilesFileIn(cli.dataDir), secrets: cli.secrets });
    expect((await reread.get(bad.id))?.tokenState.lastVerify).toMatchObject({ ok: false, code: 'SMTP_430_4.2.0' });
  });

  it('a wrong client secret is a failed check (exit 1) with the full diagnosis on stderr', async () => {
    const wrong = await cli.store.create(daemonDraft(emu, { name: 'Daemon wrong secret' }), {
      clientSecret: 'not-the-secret',
    });
    const r = await cli.run(['bulk-verify', wrong.id, join(cli.dataDir, 'unused.csv')]);
    // The list is read first: a missing file is bad input whatever the secret.
    expect(r.code).toBe(2);
    const t = await cli.run(['token', wrong.id]);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('AADSTS7000215');
    expect(t.stderr).toContain('What to do:');
    expect(t.stderr).not.toContain('not-the-secret');
  });

  it('verify records a failed token step on the profile, as the desktop app does', async () => {
    const wrong = await cli.store.create(daemonDraft(emu, { name: 'Daemon wrong secret for verify' }), {
      clientSecret: 'not-the-secret-either',
    });
    const r = await cli.run(['verify', wrong.id]);
    expect(r.code).toBe(1);
    const reread = createProfileStore({ file: profilesFileIn(cli.dataDir), secrets: cli.secrets });
    expect((await reread.get(wrong.id))?.tokenState.lastVerify).toMatchObject({
      ok: false,
      code: expect.stringContaining('7000215'),
    });
  });

  it('exports the target’s files with placeholders instead of secrets', async () => {
    const out = join(cli.dataDir, 'export-aem');
    const r = await cli.run(['export', 'AEM Alice', '--out', out]);
    expect(r.code).toBe(0);
    const files = await readdir(out);
    expect(files.length).toBeGreaterThan(3);
    expect(r.stdout).toContain(`Wrote ${files.length} files`);
    const current = await cli.secrets.get(secretKeys.refreshToken(aem.id));
    for (const f of files) {
      const text = await readFile(join(out, f), 'utf8');
      expect(text).not.toContain(AEM_SECRET);
      if (current) expect(text).not.toContain(current);
    }
  });
});
