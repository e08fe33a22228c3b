import { registrationTag } from '../../shared/registration';
import { targetPreset } from '../../shared/targets';
import type { Application } from '../graph/graph-calls';
import { ProblemError } from '../problem-error';
import { appGone } from './registration-problems';
import { requiredResourceAccess, type ResolvedResource } from './resolve-permissions';
import { markDone, stepDone, type RunContext } from './run-context';

/** Within this long after creating it, a 404 for the app is replication, not deletion (§13.5.2). */
const FRESH_MS = 10 * 60_000;

/**
 * Step 1, the app registration (reference §13.3.2): platform and redirect URIs for the target,
 * requiredResourceAccess for its flow, a tag that names the profile. A recorded app is reused;
 * a run cut off between creating and recording finds its app again by the tag.
 */
export async function applicationStep(ctx: RunContext, resources: readonly ResolvedResource[]): Promise<void> {
  if (stepDone(ctx, 'application')) {
    await ensureStillThere(ctx);
    return;
  }
  const rec = ctx.record();
  const tag = registrationTag(ctx.profile.id);
  ctx.progress({ stage: 'application', message: `Creating the app registration “${rec.appName}”…`, fraction: 0.2 });
  const existing = rec.applicationObjectId
    ? await ctx.calls.application(rec.applicationObjectId, true)
    : await ctx.calls.applicationTagged(tag);
  const preset = targetPreset(ctx.profile.targetId);
  const app: Application =
    existing ??
    (await ctx.calls.createApplication({
      displayName: rec.appName,
      signInAudience: 'AzureADMyOrg',
      ...(ctx.plan.platform === 'web' ? { web: { redirectUris: [...ctx.plan.redirectUris] } } : {}),
      requiredResourceAccess: requiredResourceAccess(resources),
      tags: [tag, 'smtp-oauth-wizard'],
      notes: `Created by SMTP OAuth Wizard for ${ctx.profile.mailbox} (${preset.label}) on ${ctx.nowIso().slice(0, 10)}.`,
    }));
  await ctx.save((r) => ({ applicationObjectId: app.id, ...markDone('application', ctx.nowIso(), app.appId)(r) }), {
    clientId: app.appId,
    scopes: [...ctx.plan.scopes],
    redirectUri: ctx.plan.platform === 'web' ? preset.redirect.defaultRedirectUri : '',
  });
}

/** Continue after a pause: the recorded app must still exist (someone may have deleted it). */
async function ensureStillThere(ctx: RunContext): Promise<void> {
  const rec = ctx.record();
  if (!rec.applicationObjectId) return;
  const at = Date.parse(rec.steps.application?.at ?? '');
  const fresh = Number.isFinite(at) && (ctx.deps.now?.() ?? Date.now()) - at < FRESH_MS;
  const app = await ctx.calls.application(rec.applicationObjectId, fresh);
  if (!app) throw new ProblemError(appGone(rec.appName, ctx.profile.clientId));
}
