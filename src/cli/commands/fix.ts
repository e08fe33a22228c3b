import { planFix } from '../../core/exchange-admin/fix-it';
import { resolveProfile, type CliContext } from '../cli-context';
import { json, line } from '../cli-io';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { profileRef } from '../acquire';
import { checkProfile, cliExchangeAdmin, showAndApply, type ExchangeFlags } from '../exchange-run';
import { renderProblem } from '../render-problem';

export type FixFlags = ExchangeFlags;

/**
 * `fix <profile> <problem code>`: when the profile's current diagnosis is that code and carries
 * Exchange cmdlets, show them, sign an Exchange admin in by device code, run them on confirmation
 * and re-check SMTP until it accepts or the wait ends. Each failure ends in the PowerShell to run by hand.
 */
export async function fixCommand(
  ctx: CliContext,
  ref: string | undefined,
  code: string | undefined,
  flags: FixFlags,
): Promise<ExitCode> {
  const profile = await resolveProfile(ctx, ref);
  if (!code)
    throw new UsageError(
      'USAGE',
      'name the problem code to fix (as `verify` shows it, e.g. SMTP_535_5.7.139_MAILBOX_DISABLED)',
    );
  const out = (l: string) => line(ctx.io.stdout, l);
  const before = await checkProfile(ctx, profile);
  if (before.ok) {
    if (ctx.json) await json(ctx.io.stdout, { ok: true, profile: profileRef(profile), fixed: false });
    else await out(`✓ SMTP accepts ${profile.mailbox} already: nothing to fix.`);
    return EXIT.ok;
  }
  const problem = before.problem;
  // The diagnosis's own Exchange remedy: the same cmdlets its PowerShell shows.
  const cmdlets = problem?.remedy?.kind === 'exchange' ? problem.remedy.cmdlets : undefined;
  if (!problem || problem.code !== code || !cmdlets) {
    const why = !problem
      ? 'The check failed without a diagnosis.'
      : problem.code !== code
        ? `The current diagnosis of ${profile.name} is ${problem.code}, not ${code}; nothing was changed.`
        : 'This diagnosis has no Exchange command the app can run; follow its steps.';
    if (ctx.json)
      await json(ctx.io.stdout, {
        ok: false,
        profile: profileRef(profile),
        fixed: false,
        reason: why,
        ...(problem ? { problem } : {}),
      });
    else for (const l of [why, '', ...(problem ? renderProblem(problem) : [])]) await out(l);
    return EXIT.checkFailed;
  }
  const plan = planFix({
    cloud: profile.cloud,
    problemTitle: problem.title,
    cmdlets,
    known: {
      ...(profile.flow === 'app-only' ? { appId: profile.clientId } : {}),
      ...(before.servicePrincipalObjectId ? { servicePrincipalObjectId: before.servicePrincipalObjectId } : {}),
    },
  });
  return showAndApply(ctx, profile, plan, await cliExchangeAdmin(ctx, profile, flags), flags);
}
