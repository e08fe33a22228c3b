import { setTimeout as delay } from 'node:timers/promises';
import { appOnlyScope } from '../../shared/clouds';
import { decodeJwtPayload } from '../../shared/token-inspection';
import { aadstsIn } from '../diagnose/server-error';
import { REPLICATION_BUDGET_MS, REPLICATION_POLICY } from '../graph/graph-client';
import { backoffDelay } from '../net/retry-policy';
import { toProblemError } from '../oauth/flow-support';
import { buildMsalApp } from '../oauth/msal-app';
import { ProblemError } from '../problem-error';
import { notReady } from './registration-problems';
import { markDone, stepDone, type RunContext } from './run-context';

/** "Not known yet" answers of the token endpoint right after creation (reference §13.5.2). */
const NOT_YET = new Set([700016, 7000215, 700027, 7000229]);

type Probe = { readonly ok: true } | { readonly ok: false; readonly retry: boolean; readonly error?: unknown };

/** One client-credentials request with the new credential (the token is not kept). */
async function probe(ctx: RunContext): Promise<Probe> {
  let built;
  try {
    built = await buildMsalApp(ctx.profile, ctx.deps.secrets);
    if (built.msal.kind !== 'confidential') return { ok: false, retry: false };
    const r = await built.msal.app.acquireTokenByClientCredential({
      scopes: [appOnlyScope(ctx.profile.cloud)],
      skipCache: true,
    });
    if (ctx.plan.consent !== 'application') return { ok: true };
    // App-only: also wait until the granted role shows in the token (App RBAC grants none).
    if (!ctx.plan.permissions.some((p) => p.type === 'Role' && p.value === 'SMTP.SendAsApp')) return { ok: true };
    const roles = decodeJwtPayload(r?.accessToken ?? '')?.roles;
    return Array.isArray(roles) && roles.includes('SMTP.SendAsApp') ? { ok: true } : { ok: false, retry: true };
  } catch (e) {
    const code = aadstsIn(e instanceof Error ? e.message : String(e));
    return { ok: false, retry: code !== undefined && NOT_YET.has(code), error: e };
  } finally {
    built?.close();
  }
}

/**
 * Step 5: wait until Microsoft's sign-in service knows the new app and its credential, by asking
 * for a token with it, with backoff, for at most three minutes (then "continue later", §13.5.2).
 */
export async function readyStep(ctx: RunContext): Promise<void> {
  if (stepDone(ctx, 'ready')) return;
  const now = ctx.deps.now ?? Date.now;
  const sleep =
    ctx.deps.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : {}));
  const budget = ctx.deps.replicationBudgetMs ?? REPLICATION_BUDGET_MS;
  const started = now();
  ctx.progress({
    stage: 'ready',
    message: 'Checking that Microsoft’s sign-in service accepts the new app…',
    fraction: 0.85,
  });
  for (let attempt = 1; ; attempt++) {
    const result = await probe(ctx);
    if (result.ok) break;
    if (!result.retry) throw toProblemError(result.error, ctx.profile, 'app-only');
    const wait = backoffDelay(REPLICATION_POLICY, attempt);
    if (now() - started + wait > budget) throw new ProblemError(notReady(), { cause: result.error });
    const waited = Math.round((now() - started) / 1000);
    ctx.progress({
      stage: 'waiting',
      message: `Waiting for Microsoft to finish setting up the new app (${waited} s so far; this usually takes under a minute, at most three)…`,
      fraction: 0.85 + Math.min(0.1, (now() - started) / budget / 10),
    });
    await sleep(wait, ctx.signal);
  }
  await ctx.save(markDone('ready', ctx.nowIso()));
}
