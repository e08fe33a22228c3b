import { verifyProfile } from '../../core/check/verify-profile';
import type { VerifyReport } from '../../shared/verify-report';
import type { CliContext } from '../cli-context';
import { requireKeychain, resolveProfile } from '../cli-context';
import { json, line } from '../cli-io';
import { coreDeps, profileRef } from '../acquire';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { isPlausibleMailbox } from '../../shared/mailbox-address';
import { renderProblem } from '../render-problem';

export interface VerifyFlags {
  readonly sendTo?: string;
  readonly verbose: boolean;
}

/** `verify <profile> [--send-to ADDRESS]`: token, then SMTP XOAUTH2 login (and a test mail). */
export async function verifyCommand(ctx: CliContext, ref: string | undefined, flags: VerifyFlags): Promise<ExitCode> {
  if (flags.sendTo !== undefined && !isPlausibleMailbox(flags.sendTo.trim()))
    throw new UsageError('USAGE', `--send-to "${flags.sendTo}" is not an email address`);
  const profile = await resolveProfile(ctx, ref);
  await requireKeychain(ctx);
  const { report, inspection } = await verifyProfile(profile, coreDeps(ctx), {
    signal: ctx.signal,
    ...(flags.sendTo !== undefined ? { sendTo: flags.sendTo } : {}),
  });
  if (ctx.json)
    await json(ctx.io.stdout, {
      ok: report.ok,
      profile: profileRef(profile),
      verdict: inspection.verdict,
      report,
    });
  else for (const l of renderReport(profile.smtpHost, report, flags.verbose)) await line(ctx.io.stdout, l);
  return report.ok ? EXIT.ok : EXIT.checkFailed;
}

function renderReport(host: string, r: VerifyReport, verbose: boolean): string[] {
  const out = [`SMTP login to ${host} as ${r.authUser}${r.signedInAs ? ` with a token for ${r.signedInAs}` : ''}`];
  if (r.ok) {
    out.push(
      r.sentTo
        ? `✓ Logged in and sent a test message from ${r.fromAddress} to ${r.sentTo}${r.messageId ? ` (${r.messageId})` : ''}`
        : '✓ Logged in: this mailbox can send with this token',
    );
  } else if (r.problem) {
    out.push(...renderProblem(r.problem));
  }
  for (const w of r.warnings) out.push('', `! ${w.title}`, ...w.fixSteps.map((s) => `  - ${s}`));
  out.push(`(${r.attempts} connection${r.attempts === 1 ? '' : 's'}, ${r.durationMs} ms)`);
  if (verbose) out.push('', 'Transcript (tokens redacted):', ...r.transcript.map((l) => `  ${l}`));
  return out;
}
