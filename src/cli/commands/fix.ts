import { createInterface } from 'node:readline/promises';
import { adminTokenSource } from '../../core/exchange-admin/admin-sign-in';
import { applyPlan } from '../../core/exchange-admin/apply-plan';
import { planFix } from '../../core/exchange-admin/fix-it';
import { createExchangeAdminClient } from '../../core/exchange-admin/rest-client';
import type { Recheck } from '../../core/exchange-admin/propagation-wait';
import { createHttpClient } from '../../core/net/http-client';
import { resolveNetwork } from '../../core/net/resolve-network';
import { isProblemError } from '../../core/problem-error';
import { verifySmtp } from '../../core/smtp/verify-smtp';
import { exchangeAdminEndpoint } from '../../shared/clouds';
import type { Profile } from '../../shared/profile';
import { decodeJwtPayload } from '../../shared/token-inspection';
import { acquireToken, profileRef } from '../acquire';
import { resolveProfile, type CliContext } from '../cli-context';
import { json, line } from '../cli-io';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { renderProblem } from '../render-problem';
import { renderRecheck, renderStep } from '../../core/exchange-admin/progress-text';
import { signInWithDeviceCode } from '../../core/oauth/device-code';
import { renderPlan } from '../render-plan';

export interface FixFlags {
  /** Run without asking (scripts); otherwise a terminal question. */
  readonly yes: boolean;
  /** How long to re-check SMTP after the change; 0 checks once. */
  readonly waitMinutes: number;
  /** The admin sign-in's public client; default Exchange Online PowerShell's own. */
  readonly adminClientId?: string;
}

interface Check extends Recheck {
  /** The app-only token's `oid`: the Enterprise application object ID the commands need. */
  readonly servicePrincipalObjectId?: string;
}

/** The profile's check as `verify` does it: a fresh token the way the target gets it, then the SMTP login. */
async function check(ctx: CliContext, profile: Profile, signal?: AbortSignal): Promise<Check> {
  try {
    const token = await acquireToken(ctx, profile);
    const report = await verifySmtp({
      profile: { ...profile, network: await resolveNetwork(profile, ctx.secrets) },
      accessToken: token.accessToken,
      tokenInspection: token.inspection,
      ...(signal ? { signal } : {}),
    });
    const oid = profile.flow === 'app-only' ? decodeJwtPayload(token.accessToken)?.oid : undefined;
    return {
      ok: report.ok,
      ...(report.problem ? { problem: report.problem } : {}),
      ...(typeof oid === 'string' ? { servicePrincipalObjectId: oid } : {}),
    };
  } catch (e) {
    if (isProblemError(e)) return { ok: false, problem: e.problem };
    throw e;
  }
}

async function confirmed(ctx: CliContext, count: number): Promise<boolean> {
  const input = ctx.io.stdin;
  if (!input?.isTTY)
    throw new UsageError('CONFIRMATION_NEEDED', 'add --yes to run these Exchange commands without a question');
  const rl = createInterface({ input, output: ctx.io.stderr });
  try {
    const answer = await rl.question(
      `Run ${count === 1 ? 'this command' : `these ${count} commands`} in Exchange Online now? [y/N] `,
    );
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

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
  const say = (l: string) => line(ctx.io.stderr, l);
  const before = await check(ctx, profile);
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
  if (!ctx.json) for (const l of renderPlan(plan)) await out(l);
  if (plan.blocked) {
    if (ctx.json) await json(ctx.io.stdout, { ok: false, profile: profileRef(profile), fixed: false, plan });
    return EXIT.checkFailed;
  }
  if (!flags.yes && !(await confirmed(ctx, plan.steps.length))) {
    await say('Nothing was changed.');
    return EXIT.checkFailed;
  }
  const network = await resolveNetwork(profile, ctx.secrets);
  const { baseUrl, resource } = exchangeAdminEndpoint(profile.cloud, profile.customAuthorityHost);
  const admin = createExchangeAdminClient({
    baseUrl,
    resource,
    tokens: adminTokenSource({
      profile,
      network,
      ...(flags.adminClientId ? { clientId: flags.adminClientId } : {}),
      signIn: (admin, secrets, signal) =>
        signInWithDeviceCode(admin, {
          secrets,
          ...(signal ? { signal } : {}),
          onCode: (info) => void say(`Sign in as an Exchange administrator: ${info.message}`),
        }),
    }),
    http: createHttpClient({
      extraCaPem: network.extraCaPem,
      proxyUrl: network.proxyUrl,
      timeoutMs: network.timeoutMs,
    }),
  });
  const applied = await applyPlan(plan, admin, {
    recheck: (signal) => check(ctx, profile, signal),
    boundMs: flags.waitMinutes * 60_000,
    onStep: (o) => {
      if (!ctx.json) void out(renderStep(plan, o));
    },
    onRecheck: (p) => void say(renderRecheck(p)),
  });
  const failure = applied.run.problem ?? (applied.wait && !applied.wait.ok ? applied.wait.problem : undefined);
  if (ctx.json)
    await json(ctx.io.stdout, {
      ok: !failure,
      profile: profileRef(profile),
      fixed: applied.run.ok,
      plan,
      run: applied.run,
      ...(applied.wait ? { wait: applied.wait } : {}),
    });
  else if (failure) for (const l of ['', ...renderProblem(failure)]) await out(l);
  else await out(`✓ Fixed: SMTP accepts ${profile.mailbox} now.`);
  return failure ? EXIT.checkFailed : EXIT.ok;
}
