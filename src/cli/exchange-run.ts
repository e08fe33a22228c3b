import { createInterface } from 'node:readline/promises';
import { adminTokenSource } from '../core/exchange-admin/admin-sign-in';
import { applyPlan } from '../core/exchange-admin/apply-plan';
import { checkProfileSmtp, type ProfileCheck } from '../core/exchange-admin/profile-check';
import { renderRecheck, renderStep } from '../core/exchange-admin/progress-text';
import { createExchangeAdminClient, type ExchangeAdminPort } from '../core/exchange-admin/rest-client';
import { createHttpClient } from '../core/net/http-client';
import { resolveNetwork } from '../core/net/resolve-network';
import { signInWithDeviceCode } from '../core/oauth/device-code';
import { exchangeAdminEndpoint } from '../shared/clouds';
import type { ExchangePlan } from '../shared/exchange-plan';
import type { Profile } from '../shared/profile';
import { acquireToken, profileRef } from './acquire';
import type { CliContext } from './cli-context';
import { json, line } from './cli-io';
import { EXIT, UsageError, type ExitCode } from './exit-codes';
import { renderPlan } from './render-plan';
import { renderProblem } from './render-problem';

/** What `fix` and `give-access` share: the profile's check, the admin's device-code sign-in, and run-after-yes. */

export interface ExchangeFlags {
  /** Run without asking (scripts); otherwise a terminal question. */
  readonly yes: boolean;
  /** How long to re-check SMTP after the change; 0 checks once. */
  readonly waitMinutes: number;
  /** The admin sign-in's public client; default Exchange Online PowerShell's own. */
  readonly adminClientId?: string;
}

/** The profile's check as `verify` does it: a fresh token the way the target gets it, then the SMTP login. */
export async function checkProfile(ctx: CliContext, profile: Profile, signal?: AbortSignal): Promise<ProfileCheck> {
  return checkProfileSmtp(
    profile,
    await resolveNetwork(profile, ctx.secrets),
    () => acquireToken(ctx, profile),
    signal,
  );
}

/** The Exchange admin REST client for the profile's cloud; the admin signs in by device code on first use. */
export async function cliExchangeAdmin(
  ctx: CliContext,
  profile: Profile,
  flags: ExchangeFlags,
): Promise<ExchangeAdminPort> {
  const network = await resolveNetwork(profile, ctx.secrets);
  const { baseUrl, resource } = exchangeAdminEndpoint(profile.cloud, profile.customAuthorityHost);
  return createExchangeAdminClient({
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
          onCode: (info) => void line(ctx.io.stderr, `Sign in as an Exchange administrator: ${info.message}`),
        }),
    }),
    http: createHttpClient({
      extraCaPem: network.extraCaPem,
      proxyUrl: network.proxyUrl,
      timeoutMs: network.timeoutMs,
    }),
  });
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
 * Prints the plan, asks (or --yes), runs it as the admin and re-checks SMTP until it accepts or the
 * wait ends. A blocked plan, a "no", a failed step or a wait that ran out exit 1 with the diagnosis.
 */
export async function showAndApply(
  ctx: CliContext,
  profile: Profile,
  plan: ExchangePlan,
  admin: ExchangeAdminPort,
  flags: ExchangeFlags,
): Promise<ExitCode> {
  const out = (l: string) => line(ctx.io.stdout, l);
  if (!ctx.json) for (const l of renderPlan(plan)) await out(l);
  if (plan.blocked || plan.steps.length === 0) {
    if (ctx.json) await json(ctx.io.stdout, { ok: !plan.blocked, profile: profileRef(profile), fixed: false, plan });
    return plan.blocked ? EXIT.checkFailed : EXIT.ok;
  }
  if (!flags.yes && !(await confirmed(ctx, plan.steps.length))) {
    await line(ctx.io.stderr, 'Nothing was changed.');
    return EXIT.checkFailed;
  }
  const applied = await applyPlan(plan, admin, {
    recheck: (signal) => checkProfile(ctx, profile, signal),
    boundMs: flags.waitMinutes * 60_000,
    onStep: (o) => {
      if (!ctx.json) void out(renderStep(plan, o));
    },
    onRecheck: (p) => void line(ctx.io.stderr, renderRecheck(p)),
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
