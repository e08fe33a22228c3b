import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkVerify } from '../../../src/core/bulk/bulk-verify';
import type { BulkEntry, BulkRowResult } from '../../../src/core/bulk/bulk-types';
import { createTokenSource } from '../../../src/core/bulk/token-source';
import { acquireAppOnly } from '../../../src/core/oauth/app-only';
import { ProblemError } from '../../../src/core/problem-error';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { startEmulator, type Emulator } from '../../emulator';
import { DAEMON_SECRET } from '../../emulator/fixtures/ids';
import { bulkWorld, daemonProfile, expectedCode, type MailboxKind } from '../../cli/bulk-world';

const kinds: MailboxKind[] = ['ok', 'ok', 'no-access', 'ok', 'smtp-disabled', 'missing'];
const world = bulkWorld(60, (i) => kinds[i % kinds.length] as MailboxKind);
let emu: Emulator;
const secrets = new MemorySecretStore();

beforeAll(async () => {
  emu = await startEmulator({ directory: world.directory });
});
afterAll(async () => {
  await emu?.close();
});

async function setup(over: Parameters<typeof daemonProfile>[1] = {}) {
  const profile = daemonProfile(emu, over);
  await secrets.set(secretKeys.clientSecret(profile.id), DAEMON_SECRET);
  const tokens = createTokenSource({
    acquire: () => acquireAppOnly(profile, { secrets, now: () => emu.clock.now() }),
    now: () => emu.clock.now(),
  });
  return { profile, tokens };
}

const clientCredentialRequests = (): number =>
  emu.requestLog.filter((r) => r.grantType === 'client_credentials').length;

describe('bulk mailbox check against the emulator', () => {
  it('diagnoses each mailbox, keeps input order and asks for one token for the whole run', async () => {
    const { profile, tokens } = await setup();
    const entries: BulkEntry[] = world.mailboxes.map((m, i) => ({ line: i + 2, mailbox: m.address }));
    const rows: BulkRowResult[] = [];
    const before = clientCredentialRequests();
    const summary = await bulkVerify({ profile, tokens, entries, concurrency: 8, onResult: (r) => void rows.push(r) });
    expect(rows.map((r) => r.line)).toEqual(entries.map((e) => e.line));
    rows.forEach((r, i) => {
      const want = expectedCode[world.mailboxes[i]!.kind];
      expect(r.code, r.mailbox).toBe(want);
      expect(r.status).toBe(want ? 'failed' : 'ok');
    });
    expect(summary).toMatchObject({ total: 60, ok: 30, failed: 30, invalid: 0, tokenAcquisitions: 1 });
    expect(summary.byCode).toEqual({
      'SMTP_430_4.2.0': 10,
      'SMTP_535_5.7.139_MAILBOX_DISABLED': 10,
      'SMTP_535_5.7.3_APP_NOT_ALLOWED': 10,
    });
    expect(clientCredentialRequests() - before).toBe(1);
  });

  it('fetches a new token when the first one expires during the run, and every check still passes', async () => {
    const { profile, tokens } = await setup();
    const okOnes = world.mailboxes.filter((m) => m.kind === 'ok');
    const entries = okOnes.map((m, i) => ({ line: i + 1, mailbox: m.address }));
    const summary = await bulkVerify({
      profile,
      tokens,
      entries,
      concurrency: 2,
      now: () => emu.clock.now(),
      // Half way, two hours pass on the identity provider's clock: the token is dead.
      onResult: (r) => {
        if (r.line === 10) emu.clock.advance(2 * 3600_000);
      },
    });
    expect(summary).toMatchObject({ total: okOnes.length, ok: okOnes.length, tokenAcquisitions: 2 });
  });

  it('never opens more than 3 connections to one mailbox, so Exchange never answers 432', async () => {
    const { profile, tokens } = await setup();
    const one = world.mailboxes[0]!.address;
    const rows: BulkRowResult[] = [];
    const summary = await bulkVerify({
      profile,
      tokens,
      entries: Array.from({ length: 24 }, (_, i) => ({ line: i + 1, mailbox: one })),
      concurrency: 16,
      onResult: (r) => void rows.push(r),
    });
    expect(summary.ok).toBe(24);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it('reports unreadable rows and addresses in place and checks the rest', async () => {
    const { profile, tokens } = await setup();
    const rows: BulkRowResult[] = [];
    const entries: BulkEntry[] = [
      { line: 1, mailbox: world.mailboxes[0]!.address },
      { line: 2, invalid: { code: 'CSV_MALFORMED_ROW', title: 'a quote (") inside an unquoted field' } },
      { line: 3, mailbox: 'Jane Doe <jane@contoso.com>' },
      { line: 4, mailbox: world.mailboxes[1]!.address },
    ];
    const summary = await bulkVerify({ profile, tokens, entries, onResult: (r) => void rows.push(r) });
    expect(rows.map((r) => [r.line, r.status, r.code])).toEqual([
      [1, 'ok', undefined],
      [2, 'invalid', 'CSV_MALFORMED_ROW'],
      [3, 'invalid', 'INVALID_MAILBOX'],
      [4, 'ok', undefined],
    ]);
    expect(summary).toMatchObject({ total: 4, ok: 2, failed: 0, invalid: 2 });
  });

  it('refuses a delegated profile before doing anything', async () => {
    const { profile, tokens } = await setup({ flow: 'delegated' });
    await expect(bulkVerify({ profile, tokens, entries: [], onResult: () => undefined })).rejects.toBeInstanceOf(
      ProblemError,
    );
    expect(tokens.acquisitions).toBe(0);
  });

  it('stops with the diagnosis when the first token cannot be had (wrong secret), before any row', async () => {
    const { profile, tokens } = await setup();
    await secrets.set(secretKeys.clientSecret(profile.id), 'wrong-secret-value');
    const rows: BulkRowResult[] = [];
    const err: unknown = await bulkVerify({
      profile,
      tokens,
      entries: [{ line: 1, mailbox: world.mailboxes[0]!.address }],
      onResult: (r) => void rows.push(r),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).problem.code).toMatch(/AADSTS7000215/);
    expect(rows).toEqual([]);
  });
});
