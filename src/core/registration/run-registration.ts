import { GRAPH_COMMAND_LINE_TOOLS } from '../../shared/clouds';
import { problem } from '../../shared/problem';
import type { Profile } from '../../shared/profile';
import type { RegistrationRecord } from '../../shared/registration';
import { registrationPlan } from '../../shared/registration-plan';
import { diagnose } from '../diagnose/index';
import { graphCalls } from '../graph/graph-calls';
import { createGraphClient, NO_RETRY } from '../graph/graph-client';
import { createHttpClient } from '../net/http-client';
import { resolveNetwork } from '../net/resolve-network';
import { ProblemError } from '../problem-error';
import { adminGraphScopes, type AdminSession } from './admin-session';
import { applicationStep } from './application-step';
import { consentStep, servicePrincipalStep } from './consent-step';
import { credentialStep } from './credential-step';
import { readyStep } from './ready-step';
import { graphProblem, wrongTenant, type GraphStep } from './registration-problems';
import { resolvePermissions } from './resolve-permissions';
import {
  patchProfile,
  profileGone,
  type RegistrationDeps,
  type RegistrationProgress,
  type RunContext,
} from './run-context';

/**
 * "Create it for me", the use case the window and the CLI both call: with an administrator's
 * session, create (or find and reuse) the app registration, its credential, its service
 * principal and the admin consent, then wait until Entra accepts the credential. Each step is
 * saved on the profile as soon as it is done, so any failure or Cancel can be continued.
 */
export interface RunOptions {
  readonly session: AdminSession;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: RegistrationProgress) => void;
}

export const notCreatedByApp = (): ProblemError =>
  new ProblemError(
    problem({
      code: 'REGISTRATION_NOT_STARTED',
      title: 'This profile’s app registration was not made by the app',
      explanation: 'Only set-ups started with “Create it for me” can be continued or removed here.',
      fixSteps: ['Edit the details by hand, or start a new set-up with “Create it for me”.'],
    }),
  );

export const registrationStopped = (): ProblemError =>
  new ProblemError(
    problem({
      code: 'REGISTRATION_CANCELLED',
      title: 'Stopped: you can continue later',
      explanation: 'Creating the app registration was stopped. Everything created so far is kept and recorded.',
      fixSteps: ['Press Continue when ready: the app picks up where it stopped.'],
      retryable: true,
    }),
  );

export async function runRegistration(profileId: string, deps: RegistrationDeps, o: RunOptions): Promise<Profile> {
  const start = await deps.profiles.get(profileId);
  if (!start) throw profileGone();
  const startRec = start.registration;
  if (!startRec) throw notCreatedByApp();
  const progress = (p: RegistrationProgress) => o.onProgress?.(p);
  const network = await resolveNetwork(start, deps.secrets);
  const http = createHttpClient({
    extraCaPem: network.extraCaPem,
    proxyUrl: network.proxyUrl,
    timeoutMs: network.timeoutMs,
    retry: NO_RETRY,
  });
  const scopes = adminGraphScopes(start.cloud);
  const graph = createGraphClient({
    root: startRec.graphHost,
    accessToken: () => o.session.token(scopes),
    http,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.replicationBudgetMs !== undefined ? { replicationBudgetMs: deps.replicationBudgetMs } : {}),
    onWait: (w) =>
      progress({
        stage: 'waiting',
        message:
          w.reason === 'throttled'
            ? `Microsoft Graph asked to slow down; waiting ${Math.ceil(w.waitMs / 1000)} s before trying again…`
            : `Waiting for Microsoft’s directory to catch up with the new app (next try in ${Math.ceil(w.waitMs / 1000)} s)…`,
      }),
  });
  const plan = registrationPlan({
    targetId: start.targetId,
    cloud: start.cloud,
    appName: startRec.appName,
    credential: startRec.credentialKind,
    secretLifetimeMonths: startRec.secretLifetimeMonths,
    appRbac: startRec.appRbac,
  });
  const ctx: RunContext = {
    deps,
    calls: graphCalls(graph),
    plan,
    ...(o.signal ? { signal: o.signal } : {}),
    profile: start,
    record: () => ctx.profile.registration as RegistrationRecord,
    progress,
    nowIso: () => new Date(deps.now?.() ?? Date.now()).toISOString(),
    async save(change, profilePatch, secrets) {
      ctx.profile = await patchProfile(
        deps.profiles,
        profileId,
        (p) => {
          const rec = p.registration as RegistrationRecord;
          return { ...profilePatch, registration: { ...rec, ...change(rec), admin: o.session.account } };
        },
        secrets,
      );
    },
  };
  let step: GraphStep = 'read';
  try {
    progress({ stage: 'tenant', message: `Reading your organisation as ${o.session.account}…`, fraction: 0.1 });
    const org = await ctx.calls.organization();
    const known = ctx.record().tenantId;
    if (known && known !== org.id) throw new ProblemError(wrongTenant(org.id, known));
    if (!known)
      await ctx.save(
        () => ({
          tenantId: org.id,
          tenantName: org.displayName,
          ...(org.initialDomain ? { initialDomain: org.initialDomain } : {}),
        }),
        { tenant: org.id },
      );
    const resources = await resolvePermissions(ctx.calls, plan);
    step = 'application';
    await applicationStep(ctx, resources);
    step = 'credential';
    await credentialStep(ctx);
    step = 'servicePrincipal';
    await servicePrincipalStep(ctx);
    step = plan.consent === 'delegated' ? 'consent-delegated' : 'consent-application';
    await consentStep(ctx, resources);
    await readyStep(ctx);
    progress({ stage: 'ready', message: 'The app registration is ready.', fraction: 1 });
    return ctx.profile;
  } catch (e) {
    if (o.signal?.aborted) throw registrationStopped();
    if (e instanceof ProblemError) throw e;
    const mapped = graphProblem(e, step, {
      customAdminClient: o.session.clientId !== GRAPH_COMMAND_LINE_TOOLS,
      certificateAllowed: plan.certificateAllowed,
    });
    throw new ProblemError(mapped ?? diagnose(e, { profile: ctx.profile }), { cause: e });
  } finally {
    http.close();
  }
}
