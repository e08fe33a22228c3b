import { problem, type Problem } from '../../shared/problem';
import type { Profile } from '../../shared/profile';
import { decodeJwtPayload, inspectAccessToken, type TokenInspection } from '../../shared/token-inspection';
import { diagnose } from '../diagnose/index';
import { ProblemError } from '../problem-error';
import type { RetryPolicy } from '../net/retry-policy';
import type { MailboxLimiter } from '../smtp/mailbox-limiter';
import { verifySmtp } from '../smtp/verify-smtp';
import type { BulkEntry, BulkProgress, BulkRowResult, BulkSummary } from './bulk-types';
import { isPlausibleMailbox } from '../../shared/mailbox-address';
import { orderedResults } from './ordered-results';
import type { TokenSource } from './token-source';

/**
 * Helpdesk's "do all these mailboxes still work?": one app-only token, an XOAUTH2 login
 * per mailbox, a global limit on concurrent checks and (through the shared mailbox
 * limiter) never more than 3 connections to one mailbox. Results go to `onResult` in
 * input order as they are known; nothing per mailbox is kept after it is handed on.
 */
export interface BulkVerifyInput {
  readonly profile: Profile;
  readonly entries: Iterable<BulkEntry> | AsyncIterable<BulkEntry>;
  readonly tokens: TokenSource;
  /** Checks in flight at once across all mailboxes. Default 16. */
  readonly concurrency?: number;
  readonly onResult: (result: BulkRowResult) => void | Promise<void>;
  /** Called as checks finish (completion order), for a progress bar. */
  readonly onProgress?: (progress: BulkProgress) => void;
  readonly limiter?: MailboxLimiter;
  readonly backoff?: RetryPolicy;
  /** Stops taking new rows; rows in flight end as cancelled. */
  readonly signal?: AbortSignal;
  /** Milliseconds since the epoch for the token's expiry check (tests pass the emulator's clock). */
  readonly now?: () => number;
}

export const DEFAULT_BULK_CONCURRENCY = 16;

export function bulkNeedsAppOnly(profile: Profile): Problem {
  return problem({
    code: 'BULK_NEEDS_APP_ONLY',
    title: `Profile "${profile.name}" is delegated; bulk checks need an app-only profile`,
    explanation:
      'A delegated token belongs to one signed-in person and opens only the mailboxes that person may use. Checking many mailboxes needs an app (client credentials, SMTP.SendAsApp) with Full Access on each mailbox.',
    fixSteps: [
      'Create an app-only profile (target "App-only mailer") with the app’s secret or certificate, and run the bulk check with it.',
    ],
  });
}

/** The token's `exp` has passed (a clock-only check: the signature is Exchange's business). */
function expiredAt(token: string, nowMs: number): boolean {
  const exp = decodeJwtPayload(token)?.exp;
  return typeof exp === 'number' && exp * 1000 <= nowMs;
}

const toRow = (
  line: number,
  mailbox: string,
  p: Problem,
  status: 'failed' | 'invalid',
  attempts: number,
  durationMs: number,
): BulkRowResult => ({
  line,
  mailbox,
  status,
  code: p.code,
  title: p.title,
  ...(p.fixSteps[0] ? { fix: p.fixSteps[0] } : {}),
  ...(p.commands.length > 0 ? { command: p.commands.join('\n') } : {}),
  attempts,
  durationMs,
});

export async function bulkVerify(input: BulkVerifyInput): Promise<BulkSummary> {
  const { profile, tokens, signal } = input;
  if (profile.flow !== 'app-only') throw new ProblemError(bulkNeedsAppOnly(profile));
  const started = performance.now();
  const concurrency = Math.max(1, Math.floor(input.concurrency ?? DEFAULT_BULK_CONCURRENCY));
  // The first token is fetched before any row: a wrong secret is one answer, not one per mailbox.
  await tokens.get();

  const now = input.now ?? Date.now;
  // Once per token, not per row: every row of a run shares it (a renewed token is inspected anew).
  let inspected: { readonly token: string; readonly inspection: TokenInspection } | undefined;
  const inspectionOf = (token: string): TokenInspection => {
    if (inspected?.token !== token)
      inspected = {
        token,
        inspection: inspectAccessToken(token, { flow: 'app-only', cloud: profile.cloud, now: now() }),
      };
    return inspected.inspection;
  };
  const counts = { total: 0, ok: 0, failed: 0, invalid: 0 };
  const byCode: Record<string, number> = {};
  const ordered = orderedResults<BulkRowResult>(concurrency * 64, input.onResult);

  const check = async (entry: BulkEntry): Promise<BulkRowResult> => {
    if ('invalid' in entry)
      return {
        line: entry.line,
        mailbox: entry.mailbox ?? '',
        status: 'invalid',
        ...entry.invalid,
        attempts: 0,
        durationMs: 0,
      };
    const mailbox = entry.mailbox.trim();
    if (!isPlausibleMailbox(mailbox)) {
      return toRow(
        entry.line,
        mailbox,
        problem({
          code: 'INVALID_MAILBOX',
          title: `"${mailbox}" is not a mailbox address`,
          explanation: '',
          fixSteps: ['Put one address such as name@contoso.com in the mailbox column.'],
        }),
        'invalid',
        0,
        0,
      );
    }
    const t0 = performance.now();
    for (let attempt = 1; ; attempt += 1) {
      let token: string;
      try {
        token = (await tokens.get()).accessToken;
      } catch (e) {
        return toRow(entry.line, mailbox, diagnose(e), 'failed', 0, Math.round(performance.now() - t0));
      }
      const report = await verifySmtp({
        profile: { ...profile, mailbox, fromAddress: mailbox },
        accessToken: token,
        tokenInspection: inspectionOf(token),
        // Rows report a code and a fix, never a transcript: none is made for the ones that pass.
        transcript: 'failures',
        ...(input.limiter ? { limiter: input.limiter } : {}),
        ...(input.backoff ? { backoff: input.backoff } : {}),
        ...(signal ? { signal } : {}),
      });
      if (report.ok)
        return {
          line: entry.line,
          mailbox,
          status: 'ok',
          attempts: report.attempts,
          durationMs: Math.round(performance.now() - t0),
        };
      const p = report.problem ?? diagnose(new Error('verification failed without a diagnosis'));
      // The token expired while the login was under way, or Exchange's clock is ahead of
      // ours (its `exp` is read now, not from the inspection made at its first use): fetch a
      // new one and try this mailbox once more.
      if (
        attempt === 1 &&
        (p.remedy?.kind === 'fresh-token' || (p.code.startsWith('SMTP_535_5.7.3') && expiredAt(token, now())))
      ) {
        tokens.invalidate(token);
        continue;
      }
      return toRow(entry.line, mailbox, p, 'failed', report.attempts, Math.round(performance.now() - t0));
    }
  };

  const iterator =
    Symbol.asyncIterator in input.entries
      ? input.entries[Symbol.asyncIterator]()
      : (input.entries as Iterable<BulkEntry>)[Symbol.iterator]();
  let taken = 0;
  let pulling: Promise<unknown> = Promise.resolve();
  // One row at a time leaves the input; its index fixes its place in the output.
  const take = (): Promise<{ index: number; entry: BulkEntry } | undefined> => {
    const next = pulling.then(async () => {
      if (signal?.aborted) return undefined;
      const r = await iterator.next();
      if (r.done) return undefined;
      const index = taken++;
      await ordered.waitForRoom(index);
      return { index, entry: r.value };
    });
    pulling = next.catch(() => undefined);
    return next;
  };

  const worker = async (): Promise<void> => {
    for (let item = await take(); item; item = await take()) {
      const row = await check(item.entry);
      counts.total += 1;
      counts[row.status] += 1;
      if (row.code) byCode[row.code] = (byCode[row.code] ?? 0) + 1;
      input.onProgress?.({ done: counts.total, failed: counts.failed, invalid: counts.invalid });
      await ordered.put(item.index, row);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await ordered.drained();
  return {
    ...counts,
    byCode,
    tokenAcquisitions: tokens.acquisitions,
    durationMs: Math.round(performance.now() - started),
  };
}
