import { createInterface } from 'node:readline/promises';
import { adminTokenSource } from '../core/exchange-admin/admin-sign-in';
import { applyPlan } from '../core/exchange-admin/apply-plan';
import { reuseAdminSession, type ReusableSession } from '../core/exchange-admin/reuse-admin-session';
import { runPlan } from '../core/exchange-admin/run-plan';
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

/** Where a command's JSON document goes: stdout, or into `register --exchange`'s one document. */
export type JsonSink = (doc: Record<string, unknown>) => Promise<void> | void;

/** How `register --exchange` runs Exchange's part inside its own process. */
export interface ExchangeRunContext {
  /** The admin sign-in that created the app registration: asked first for the Exchange token. */
  readonly session?: ReusableSession;
  readonly emit?: JsonSink;
  /**
   * False: run the plan without re-checking SMTP (a delegated set-up whose mailbox has not signed in
   * yet has no token to check with).
   */
  readonly recheck?: boolean;
}

export const jsonSink =
  (ctx: CliContext, o?: ExchangeRunContext): JsonSink =>
  (doc) =>
    o?.emit ? o.emit(doc) : json(ctx.io.stdout, doc);

/** The profile's check as `verify` does it: a fresh token the way the target gets it, then the SMTP login. */
export async function checkProfile(ctx: CliContext, profile: Profile, signal?: AbortSignal): Promise<ProfileCheck> {
  return checkProfileSmtp(
    profile,
    await resolveNetwork(profile, ctx.secrets),
    () => acquireToken(ctx, profile),
    signal,
  );
}

/**
 * The Exchange admin REST client for the profile's cloud. The admin signs in by device code on first
 * use, unless `session` (register's own admin sign-in) can give the Exchange token: then nobody is
 * asked again, and when Entra refuses it the terminal says why before the second sign-in.
 */
export async function cliExchangeAdmin(
  ctx: CliContext,
  profile: Profile,
  flags: ExchangeFlags,
  session?: ReusableSession,
): Promise<ExchangeAdminPort> {
  const network = await resolveNetwork(profile, ctx.secrets);
  const { baseUrl, resource } = exchangeAdminEndpoint(profile.cloud, profile.customAuthorityHost);
  const signIn = adminTokenSource({
    profile,
    network,
    ...(flags.adminClientId ? { clientId: flags.adminClientId } : {}),
    signIn: (admin, secrets, signal) =>
      signInWithDeviceCode(admin, {
        secrets,
        ...(signal ? { signal } : {}),
        onCode: (info) => void line(ctx.io.stderr, `Sign in as an Exchange administrator: ${info.message}`),
      }),
  });
  return createExchangeAdminClient({
    baseUrl,
    resource,
    tokens: reuseAdminSession({ session, fallback: signIn, onSecondSignIn: (why) => void line(ctx.io.stderr, why) }),
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
  o?: ExchangeRunContext,
): Promise<ExitCode> {
  const out = (l: string) => line(ctx.io.stdout, l);
  const emit = jsonSink(ctx, o);
  if (!ctx.json) for (const l of renderPlan(plan)) await out(l);
  if (plan.blocked || plan.steps.length === 0) {
    if (ctx.json) await emit({ ok: !plan.blocked, profile: profileRef(profile), fixed: false, plan });
    return plan.blocked ? EXIT.checkFailed : EXIT.ok;
  }
  if (!flags.yes && !(await confirmed(ctx, plan.steps.length))) {
    await line(ctx.io.stderr, 'Nothing was changed.');
    if (ctx.json) await emit({ ok: false, profile: profileRef(profile), fixed: false, plan, reason: 'declined' });
    return EXIT.checkFailed;
  }
  const onStep = (s: Parameters<typeof renderStep>[1]) => {
    if (!ctx.json) void out(renderStep(plan, s));
  };
  const applied =
    o?.recheck === false
      ? { run: await runPlan(plan, admin, { onStep }) }
      : await applyPlan(plan, admin, {
          recheck: (signal) => checkProfile(ctx, profile, signal),
          boundMs: flags.waitMinutes * 60_000,
          onStep,
          onRecheck: (p) => void line(ctx.io.stderr, renderRecheck(p)),
        });
  const wait = 'wait' in applied ? applied.wait : undefined;
  const failure = applied.run.problem ?? (wait && !wait.ok ? wait.problem : undefined);
  if (ctx.json)
    await emit({
      ok: !failure,
      profile: profileRef(profile),
      fixed: applied.run.ok,
      plan,
      run: applied.run,
      ...(wait ? { wait } : {}),
    });
  else if (failure) for (const l of ['', ...renderProblem(failure)]) await out(l);
  else if (!wait)
    await out(
      `✓ Done in Exchange. SMTP is checked once ${profile.mailbox} has signed in; Exchange can take up to an hour to apply the change.`,
    );
  else await out(`✓ Fixed: SMTP accepts ${profile.mailbox} now.`);
  return failure ? EXIT.checkFailed : EXIT.ok;
}
