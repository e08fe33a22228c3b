import { problem } from '../../shared/problem';
import {
  EXCHANGE_RESOURCE_APP_ID,
  type PlannedPermission,
  type RegistrationPlan,
} from '../../shared/registration-plan';
import type { GraphCalls, ResourceServicePrincipal } from '../graph/graph-calls';
import { isDuplicate, isGraphError } from '../graph/graph-error';
import { ProblemError } from '../problem-error';
import { exchangeApiMissing } from './registration-problems';

/**
 * The plan's permissions with this tenant's ids: the resource APIs' service principals are read
 * and every scope or role is looked up by its value (reference §13.3.7), so no id is hard-coded
 * and a wrongly paired id (§13.2.3 pitfalls) cannot happen. A tenant that never used Exchange gets
 * its service principal first (§13.3.7).
 */
export interface ResolvedResource {
  readonly appId: string;
  /** The resource's service principal object id in this tenant (grants and assignments use it). */
  readonly spId: string;
  readonly access: readonly { readonly id: string; readonly type: 'Scope' | 'Role'; readonly value: string }[];
}

async function resourceSp(calls: GraphCalls, appId: string): Promise<ResourceServicePrincipal> {
  const found = await calls.resourceServicePrincipal(appId);
  if (found) return found;
  try {
    await calls.createServicePrincipal(appId);
  } catch (e) {
    if (!(isGraphError(e) && isDuplicate(e))) {
      if (appId === EXCHANGE_RESOURCE_APP_ID) throw new ProblemError(exchangeApiMissing(), { cause: e });
      throw e;
    }
  }
  const created = await calls.resourceServicePrincipal(appId);
  if (!created) throw new ProblemError(exchangeApiMissing());
  return created;
}

function idOf(sp: ResourceServicePrincipal, p: PlannedPermission): string {
  const list =
    p.type === 'Scope'
      ? sp.oauth2PermissionScopes
      : sp.appRoles.filter((r) => (r.allowedMemberTypes ?? ['Application']).includes('Application'));
  const hit = list.find((x) => x.value.toLowerCase() === p.value.toLowerCase());
  if (!hit)
    throw new ProblemError(
      problem({
        code: 'REGISTRATION_PERMISSION_UNKNOWN',
        title: `${p.api} does not offer ${p.value} in your tenant`,
        explanation: `The permission ${p.value} (${p.type === 'Scope' ? 'delegated' : 'application'}) was not found on ${p.api}’s service principal, so it cannot be requested.`,
        fixSteps: ['Choose “I’ll do it myself” and check API permissions in the Entra admin center.'],
      }),
    );
  return hit.id;
}

export async function resolvePermissions(calls: GraphCalls, plan: RegistrationPlan): Promise<ResolvedResource[]> {
  const appIds = [...new Set(plan.permissions.map((p) => p.resourceAppId))];
  const out: ResolvedResource[] = [];
  for (const appId of appIds) {
    const sp = await resourceSp(calls, appId);
    const access = plan.permissions
      .filter((p) => p.resourceAppId === appId)
      .map((p) => ({ id: idOf(sp, p), type: p.type, value: p.value }));
    out.push({ appId, spId: sp.id, access });
  }
  return out;
}

/** Graph's requiredResourceAccess for the application (§13.3.2): registers, grants nothing. */
export const requiredResourceAccess = (resources: readonly ResolvedResource[]) =>
  resources.map((r) => ({
    resourceAppId: r.appId,
    resourceAccess: r.access.map((a) => ({ id: a.id, type: a.type })),
  }));
