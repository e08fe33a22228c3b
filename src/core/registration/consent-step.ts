import { isDuplicate, isGraphError } from '../graph/graph-error';
import type { ResolvedResource } from './resolve-permissions';
import { markDone, stepDone, type RunContext } from './run-context';

/**
 * Step 3, the enterprise application (service principal, reference §13.3.6): its object id is
 * what Exchange's New-ServicePrincipal -ObjectId needs. A duplicate means it exists: read it.
 */
export async function servicePrincipalStep(ctx: RunContext): Promise<void> {
  if (stepDone(ctx, 'servicePrincipal')) return;
  ctx.progress({
    stage: 'servicePrincipal',
    message: 'Creating the enterprise application (service principal)…',
    fraction: 0.55,
  });
  const appId = ctx.profile.clientId;
  let sp = await ctx.calls.servicePrincipalOf(appId);
  if (!sp) {
    try {
      sp = await ctx.calls.createServicePrincipal(appId, true);
    } catch (e) {
      if (!(isGraphError(e) && isDuplicate(e))) throw e;
      sp = await ctx.calls.servicePrincipalOf(appId);
      if (!sp) throw e;
    }
  }
  const id = sp.id;
  // Also the profile's own field, which every Exchange command and exported script reads (issue 14.15).
  await ctx.save((r) => ({ servicePrincipalObjectId: id, ...markDone('servicePrincipal', ctx.nowIso(), id)(r) }), {
    servicePrincipalObjectId: id,
  });
}

/**
 * Step 4, admin consent for the whole organisation: a tenant-wide delegated grant per API
 * (§13.3.8; an existing grant is widened, not duplicated) or the application permission as an app
 * role assignment on the API's service principal (§13.3.9; "already exists" counts as done).
 */
export async function consentStep(ctx: RunContext, resources: readonly ResolvedResource[]): Promise<void> {
  if (stepDone(ctx, 'consent')) return;
  const sp = ctx.record().servicePrincipalObjectId ?? '';
  ctx.progress({ stage: 'consent', message: 'Granting admin consent for the organisation…', fraction: 0.7 });
  if (ctx.plan.consent === 'delegated') {
    const grants = await ctx.calls.grantsOf(sp);
    for (const r of resources) {
      const wanted = r.access.filter((a) => a.type === 'Scope').map((a) => a.value);
      if (wanted.length === 0) continue;
      await grant(
        ctx,
        sp,
        r.spId,
        wanted,
        grants.find((g) => g.resourceId === r.spId),
      );
    }
  } else {
    const assigned = await ctx.calls.assignmentsOf(sp);
    for (const r of resources) {
      for (const role of r.access.filter((a) => a.type === 'Role')) {
        if (assigned.some((a) => a.resourceId === r.spId && a.appRoleId === role.id)) continue;
        try {
          await ctx.calls.assignRole(r.spId, sp, role.id);
        } catch (e) {
          if (!(isGraphError(e) && isDuplicate(e))) throw e;
        }
      }
    }
  }
  await ctx.save(markDone('consent', ctx.nowIso()));
}

async function grant(
  ctx: RunContext,
  clientSp: string,
  resourceSp: string,
  wanted: readonly string[],
  existing: { id: string; scope: string } | undefined,
): Promise<void> {
  const union = (have: string) => {
    const scopes = have.split(/\s+/).filter(Boolean);
    const missing = wanted.filter((w) => !scopes.some((s) => s.toLowerCase() === w.toLowerCase()));
    return missing.length === 0 ? undefined : [...scopes, ...missing].join(' ');
  };
  if (existing) {
    const scope = union(existing.scope);
    if (scope) await ctx.calls.patchGrant(existing.id, scope);
    return;
  }
  try {
    await ctx.calls.createGrant(clientSp, resourceSp, wanted.join(' '));
  } catch (e) {
    if (!(isGraphError(e) && isDuplicate(e))) throw e;
    const found = (await ctx.calls.grantsOf(clientSp)).find((g) => g.resourceId === resourceSp);
    const scope = found ? union(found.scope) : undefined;
    if (found && scope) await ctx.calls.patchGrant(found.id, scope);
  }
}
