import type net from 'node:net';
import nodemailer from 'nodemailer';
import type { Profile } from '../../shared/profile';
import type { Problem } from '../../shared/problem';
import type { VerifyReport } from '../../shared/verify-report';
import { decodeJwtPayload, inspectAccessToken, type TokenInspection } from '../../shared/token-inspection';
import { diagnoseSmtp, type SmtpDiagnosisContext } from '../diagnose/smtp';
import { serverIdentityFrom } from '../diagnose/smtp-context';
import { backoffDelay, isTemporarySmtpReply, sleep, SMTP_RETRY, type RetryPolicy } from '../net/retry-policy';
import { sharedMailboxLimiter, type MailboxLimiter } from './mailbox-limiter';
import { openSmtpSocket, smtpProxy } from './open-socket';
import { preflightBlocker, preflightWarnings } from './preflight';
import { createRedactor, redactProblem, type Redactor } from '../redact';
import { buildTestMessage } from './test-message';
import { smtpTlsOptions } from './tls-options';
import { createTranscript, type Transcript } from './transcript';
import { xoauth2Once } from './xoauth2-once';

/**
 * "Does this mailbox work?": log in to the profile's SMTP host with XOAUTH2 over STARTTLS,
 * and optionally send a test message. Never throws for an SMTP or network failure: the
 * answer, good or bad, is a VerifyReport with a redacted transcript and a diagnosis.
 */

export interface VerifySmtpInput {
  readonly profile: Profile;
  /** Held in memory only; redacted from everything this returns. */
  readonly accessToken: string;
  /** Ranks the diagnosis; inspected from the token itself when absent. */
  readonly tokenInspection?: TokenInspection;
  /** Present: send a test message (to the mailbox itself unless `to` is given). */
  readonly send?: { readonly to?: string };
  readonly signal?: AbortSignal;
  /** Defaults to the process-wide limiter (3 connections per mailbox). */
  readonly limiter?: MailboxLimiter;
  /** Retries on 4xx replies; defaults to 3 attempts, 2 s then 4 s (jittered). */
  readonly backoff?: RetryPolicy;
  /** For the test message's "sent at" line. */
  readonly now?: () => Date;
  /**
   * 'failures': a passing report carries no transcript, so nothing is formatted or redacted
   * for it (the bulk checker, thousands of rows). Default 'always' (the window shows it).
   */
  readonly transcript?: 'always' | 'failures';
}

interface AttemptResult {
  readonly sentTo?: string;
  readonly messageId?: string;
}

function attempt(input: VerifySmtpInput, authUser: string, transcript: Transcript): Promise<AttemptResult> {
  const { profile, signal } = input;
  const sockets = new Set<net.Socket>();
  const onAbort = (): void => sockets.forEach((s) => s.destroy());
  signal?.addEventListener('abort', onAbort, { once: true });

  const transport = nodemailer.createTransport({
    host: profile.smtpHost,
    port: profile.smtpPort,
    secure: false,
    requireTLS: true,
    tls: smtpTlsOptions(profile.network.extraCaPem),
    auth: { type: 'OAuth2', user: authUser, accessToken: input.accessToken },
    customAuth: xoauth2Once(authUser, input.accessToken),
    logger: transcript.logger,
    debug: true,
    connectionTimeout: profile.network.timeoutMs,
    greetingTimeout: profile.network.timeoutMs,
    socketTimeout: profile.network.timeoutMs,
    getSocket: (_options, callback) => {
      openSmtpSocket({
        host: profile.smtpHost,
        port: profile.smtpPort,
        proxyUrl: profile.network.proxyUrl,
        extraCaPem: profile.network.extraCaPem,
        timeoutMs: profile.network.timeoutMs,
        ...(signal ? { signal } : {}),
      }).then(
        (socket) => {
          sockets.add(socket);
          const proxy = smtpProxy({ host: profile.smtpHost, proxyUrl: profile.network.proxyUrl });
          if (proxy)
            transcript.note(`Tunnel to ${profile.smtpHost}:${profile.smtpPort} open through proxy ${proxy.shown}`);
          callback(null, { connection: socket });
        },
        (err: Error) => callback(err),
      );
    },
  });

  const run = async (): Promise<AttemptResult> => {
    if (!input.send) {
      await transport.verify();
      return {};
    }
    const to = input.send.to?.trim() || authUser;
    const msg = buildTestMessage(profile, to, (input.now ?? (() => new Date()))());
    const info = await transport.sendMail({ from: msg.from, to: msg.to, subject: msg.subject, text: msg.text });
    return { sentTo: to, messageId: info.messageId };
  };

  return run().finally(() => {
    signal?.removeEventListener('abort', onAbort);
    transport.close();
    sockets.forEach((s) => s.destroy());
  });
}

/** An app-only token's `oid` is the service principal Exchange knows the app by. */
function servicePrincipalObjectId(token: string): string | undefined {
  const payload = decodeJwtPayload(token);
  const oid = payload?.oid;
  const isApp =
    payload?.idtyp === 'app' || (payload !== null && payload?.scp === undefined && Array.isArray(payload?.roles));
  return isApp && typeof oid === 'string' ? oid : undefined;
}

/** Who the token speaks for, for the report's "logs in as" line. */
function describeIdentity(inspection: TokenInspection, flow: Profile['flow']): string | undefined {
  if (inspection.kind !== 'jwt') return undefined;
  const { user, appId, scp } = inspection.claims;
  if (scp.length > 0 || (flow === 'delegated' && user)) return user;
  return appId ? `app ${appId}` : 'the app (client credentials)';
}

export async function verifySmtp(input: VerifySmtpInput): Promise<VerifyReport> {
  const started = performance.now();
  const { profile, signal } = input;
  const authUser = profile.mailbox.trim();
  const fromAddress = profile.fromAddress.trim() || authUser;
  const inspection =
    input.tokenInspection ??
    inspectAccessToken(input.accessToken, { flow: profile.flow, cloud: profile.cloud, mailbox: authUser });
  // Built on first need (a failure's diagnosis, a transcript asked for): it encodes the token four ways.
  let redactor: Redactor | undefined;
  const redact: Redactor = (line) => (redactor ??= createRedactor([input.accessToken]))(line);
  const transcript = createTranscript(() => redact);
  const keepTranscript = (ok: boolean): boolean => !ok || input.transcript !== 'failures';

  const limiter = input.limiter ?? sharedMailboxLimiter;
  const policy = input.backoff ?? SMTP_RETRY;
  // Only a failure is diagnosed: the token's service principal is read then, not for every pass.
  const diagnosisContext = (): SmtpDiagnosisContext => {
    const spObjectId = servicePrincipalObjectId(input.accessToken);
    return {
      profile,
      authUser,
      fromAddress,
      tokenInspection: inspection,
      ...(spObjectId ? { servicePrincipalObjectId: spObjectId } : {}),
    };
  };
  const signedInAs = describeIdentity(inspection, profile.flow);
  const signedInUser =
    inspection.kind === 'jwt' && inspection.claims.scp.length > 0 ? inspection.claims.user : undefined;
  const pre = { authUser, fromAddress, ...(signedInUser ? { signedInUser } : {}) };
  // A sent test message proves (or disproves) Send As itself; the warning is for login-only checks.
  const warnings = input.send ? [] : preflightWarnings(pre);

  const report = (
    attempts: number,
    extra: { ok: boolean; problem?: Problem; sentTo?: string; messageId?: string },
  ): VerifyReport => ({
    authUser,
    fromAddress,
    ...(signedInAs ? { signedInAs } : {}),
    transcript: keepTranscript(extra.ok) ? transcript.lines() : [],
    warnings,
    attempts,
    durationMs: Math.round(performance.now() - started),
    ...extra,
    // The diagnosis quotes the server's reply: a server that echoes the token must not put it on screen.
    ...(extra.problem ? { problem: redactProblem(extra.problem, redact) } : {}),
  });

  const blocker = preflightBlocker(pre);
  if (blocker) return report(0, { ok: false, problem: blocker });

  transcript.note(
    `Logging in to ${profile.smtpHost}:${profile.smtpPort} as mailbox ${authUser}${signedInAs ? ` with a token for ${signedInAs}` : ''}`,
  );
  for (let attempts = 1; ; attempts += 1) {
    try {
      const result = await limiter.run(authUser, () => attempt(input, authUser, transcript), signal);
      return report(attempts, { ok: true, ...result });
    } catch (err) {
      const cancelled = signal?.aborted === true;
      // Who answered (its greeting and EHLO) is read from the transcript, made now that it failed.
      const problem = diagnoseSmtp(cancelled ? { name: 'AbortError', message: 'Cancelled' } : err, {
        ...diagnosisContext(),
        server: serverIdentityFrom(transcript.lines()),
      });
      const responseCode =
        typeof err === 'object' && err !== null ? (err as { responseCode?: unknown }).responseCode : undefined;
      // Only "not now" replies are retried (432, 421, 451); a 4xx that names a missing
      // permission (430 4.2.0) would fail the same way again.
      const temporary =
        isTemporarySmtpReply(typeof responseCode === 'number' ? responseCode : undefined) && problem.retryable;
      if (cancelled || !temporary || attempts >= policy.maxAttempts) return report(attempts, { ok: false, problem });
      const wait = backoffDelay(policy, attempts);
      transcript.note(
        `Temporary refusal (${problem.code}); waiting ${wait} ms before attempt ${attempts + 1} of ${policy.maxAttempts}`,
      );
      try {
        await sleep(wait, signal);
      } catch {
        return report(attempts, {
          ok: false,
          problem: diagnoseSmtp({ name: 'AbortError', message: 'Cancelled' }, diagnosisContext()),
        });
      }
    }
  }
}
