import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import { adminTokenSource } from '../../core/exchange-admin/admin-sign-in';
import { applyPlan } from '../../core/exchange-admin/apply-plan';
import { planFix } from '../../core/exchange-admin/fix-it';
import { inspectAppAccess, planAppAccess, type AppAccessRequest } from '../../core/exchange-admin/give-access';
import { preparePlan } from '../../core/exchange-admin/prepare';
import { reuseAdminSession } from '../../core/exchange-admin/reuse-admin-session';
import { renderRecheck, renderStep } from '../../core/exchange-admin/progress-text';
import { ONE_HOUR } from '../../core/exchange-admin/propagation-wait';
import { createExchangeAdminClient, type ExchangeAdminPort } from '../../core/exchange-admin/rest-client';
import { checkSmtpAuth, planEnableSmtpAuth } from '../../core/exchange-admin/smtp-auth';
import { createHttpClient } from '../../core/net/http-client';
import { resolveNetwork } from '../../core/net/resolve-network';
import { signInDelegated } from '../../core/oauth/delegated';
import { ProblemError } from '../../core/problem-error';
import { exchangeAdminEndpoint } from '../../shared/clouds';
import type { ExchangePlan } from '../../shared/exchange-plan';
import type {
  ExchangeApplied,
  ExchangePlanView,
  exchangeApplyRequestSchema,
  exchangePlanRequestSchema,
} from '../../shared/ipc-contract';
import { problem } from '../../shared/problem';
import type { Profile } from '../../shared/profile';
import type { AdminSession } from '../../core/registration/admin-session';
import type { HandlerContext } from '../ipc/handler-map';
import type { AdminSessions } from './admin-sessions';
import type { Operations } from './operations';
import type { HandlerPorts } from './ports';
import { viewOf } from './profiles';
import { checkProfile, type ProfileCheck } from './smtp-recheck';

type PlanRequest = z.output<typeof exchangePlanRequestSchema>;
type ApplyRequest = z.output<typeof exchangeApplyRequestSchema>;

/**
 * Exchange Online for the admin, from the window (issue 15): plan (the exact PowerShell, shown before
 * anything runs), then apply on confirmation and re-check SMTP until it accepts. Plans stay in main
 * under an id, so the window can only run what main built from the profile and its current diagnosis.
 * The admin's sign-in is memory only, one per profile while the app runs; a failed one is not kept.
 * While "Create it for me"'s own admin sign-in for the profile lasts (`sessions`), it is asked first
 * for the Exchange token; only when Entra refuses it does the admin sign in again, told why.
 */
export function createExchangeHandlers(ports: HandlerPorts, operations: Operations, sessions: AdminSessions) {
  interface KeptAdmin {
    readonly port: ExchangeAdminPort;
    /** The set-up's sign-in it reuses; the port goes when that one ends. */
    readonly session: AdminSession | undefined;
    /** Set once Entra refused the set-up's sign-in a token for Exchange. */
    secondSignIn?: string;
  }
  const admins = new Map<string, KeptAdmin>();
  const plans = new Map<string, { readonly profileId: string; readonly plan: ExchangePlan }>();

  const adminFor = async (profile: Profile, ctx: HandlerContext, operationId: string): Promise<KeptAdmin> => {
    const session = sessions.get(profile.id);
    const known = admins.get(profile.id);
    if (known && known.session === session) return known;
    const network = await resolveNetwork(profile, ports.secrets);
    const { baseUrl, resource } = exchangeAdminEndpoint(profile.cloud, profile.customAuthorityHost);
    const signIn = adminTokenSource({
      profile,
      network,
      signIn: (admin, secrets, signal) => {
        ctx.progress({
          operationId,
          stage: 'admin-sign-in',
          message: `${kept.secondSignIn ? `${kept.secondSignIn} ` : ''}Sign in as an Exchange administrator in the window that opened…`,
        });
        return signInDelegated(admin, {
          secrets,
          loginWindow: ports.loginWindow,
          prompt: 'select_account',
          ...(signal ? { signal } : {}),
        });
      },
    });
    const kept: KeptAdmin = {
      session,
      port: createExchangeAdminClient({
        baseUrl,
        resource,
        tokens: reuseAdminSession({
          session,
          fallback: signIn,
          onSecondSignIn: (why) => {
            kept.secondSignIn = why;
          },
        }),
        http: createHttpClient({
          extraCaPem: network.extraCaPem,
          proxyUrl: network.proxyUrl,
          timeoutMs: network.timeoutMs,
        }),
      }),
    };
    admins.set(profile.id, kept);
    return kept;
  };

  const keep = (profileId: string, plan: ExchangePlan, extra: Partial<ExchangePlanView>, admin?: KeptAdmin) => {
    const planId = randomUUID();
    plans.set(planId, { profileId, plan });
    const upn = admin?.port.account()?.upn;
    return {
      planId,
      plan,
      ...extra,
      ...(upn ? { adminUpn: upn } : {}),
      ...(admin?.secondSignIn ? { secondSignIn: admin.secondSignIn } : {}),
    };
  };

  const plan = async (req: PlanRequest, ctx: HandlerContext): Promise<ExchangePlanView> => {
    const { profile } = await viewOf(ports, req.profileId);
    const say = (message: string) => ctx.progress({ operationId: req.operationId, stage: 'plan', message });
    return operations.run(req.operationId, ctx.signal, async (signal) => {
      say('Checking the profile as Verify does…');
      const now = await checkProfile(ports, profile, signal);
      const action = req.action;
      if (action.kind === 'fix') return keep(profile.id, fixPlan(profile, now, action.code), {});
      const kept = await adminFor(profile, ctx, req.operationId);
      const admin = kept.port;
      say('Reading what Exchange has now…');
      const prepared =
        action.kind === 'give-access'
          ? await (() => {
              const access = accessRequest(profile, now, action.group);
              return preparePlan(
                admin,
                () => inspectAppAccess(admin, access, signal),
                (state, upn) => planAppAccess(access, state, upn),
              );
            })()
          : await preparePlan(
              admin,
              () => checkSmtpAuth(admin, profile.mailbox, signal),
              (state, upn) => planEnableSmtpAuth(profile.cloud, profile.mailbox, state, upn),
            );
      if (!prepared.ok) admins.delete(profile.id);
      return keep(profile.id, prepared.plan, prepared.ok ? {} : { problem: prepared.problem }, kept);
    });
  };

  const apply = async (req: ApplyRequest, ctx: HandlerContext): Promise<ExchangeApplied> => {
    const kept = plans.get(req.planId);
    if (!kept) throw new ProblemError(planGone());
    const { profile } = await viewOf(ports, kept.profileId);
    const say = (stage: string, message: string, fraction?: number) =>
      ctx.progress({ operationId: req.operationId, stage, message, ...(fraction !== undefined ? { fraction } : {}) });
    return operations.run(req.operationId, ctx.signal, async (signal) => {
      const admin = (await adminFor(profile, ctx, req.operationId)).port;
      const applied = await applyPlan(kept.plan, admin, {
        signal,
        recheck: (s) => checkProfile(ports, profile, s),
        ...(ports.exchangeScheduler ? { scheduler: ports.exchangeScheduler } : {}),
        onStep: (o) => say('exchange', renderStep(kept.plan, o)),
        onRecheck: (p) => say('recheck', renderRecheck(p), p.ok ? 1 : Math.min(1, p.elapsedMs / ONE_HOUR)),
      });
      plans.delete(req.planId);
      if (applied.run.problem?.code === 'EXCHANGE_ADMIN_NOT_ADMIN') admins.delete(profile.id);
      const last = applied.wait;
      const updated = last
        ? await ports.profiles.recordTokenState(profile.id, {
            lastVerify: {
              at: new Date(ports.now ? ports.now() : Date.now()).toISOString(),
              ok: last.ok,
              ...(!last.ok ? { code: last.problem.code, title: last.problem.title } : {}),
            },
          })
        : profile;
      const upn = admin.account()?.upn;
      return { profile: updated, run: applied.run, ...(upn ? { adminUpn: upn } : {}), ...(last ? { wait: last } : {}) };
    });
  };

  return { plan, apply };
}

/** Fix it runs the diagnosis's own cmdlets, and only while that is still the diagnosis. */
function fixPlan(profile: Profile, now: ProfileCheck, code: string): ExchangePlan {
  const cmdlets = now.problem?.remedy?.kind === 'exchange' ? now.problem.remedy.cmdlets : undefined;
  if (now.ok) throw new ProblemError(alreadyWorks(profile));
  if (!now.problem || now.problem.code !== code || !cmdlets)
    throw new ProblemError(
      problem({
        code: 'EXCHANGE_PLAN_INCOMPLETE',
        title: 'The diagnosis has changed',
        explanation: now.problem
          ? `Checking again, the diagnosis is now "${now.problem.title}" (${now.problem.code}), which has no Exchange command the app can run. Nothing was changed.`
          : 'Checking again gave no diagnosis. Nothing was changed.',
        fixSteps: ['Check the SMTP login again and follow the new diagnosis.'],
      }),
    );
  return planFix({
    cloud: profile.cloud,
    problemTitle: now.problem.title,
    cmdlets,
    known: {
      ...(profile.flow === 'app-only' ? { appId: profile.clientId } : {}),
      ...(now.servicePrincipalObjectId ? { servicePrincipalObjectId: now.servicePrincipalObjectId } : {}),
    },
  });
}

/** Full Access to the profile's mailbox, or with `group` an App RBAC scope over that mail-enabled group. */
function accessRequest(profile: Profile, now: ProfileCheck, group?: string): AppAccessRequest {
  if (profile.flow !== 'app-only' || !now.servicePrincipalObjectId)
    throw new ProblemError(
      problem({
        code: 'EXCHANGE_PLAN_INCOMPLETE',
        title: 'The app-only token is needed first',
        explanation:
          now.problem && !now.servicePrincipalObjectId
            ? `The app could not get its app-only token (${now.problem.title}), and that token names the Enterprise application object ID Exchange needs.`
            : 'Giving access applies to app-only profiles, whose token names the Enterprise application object ID.',
        fixSteps: ['Get the app-only token in the Sign in step, then try again.'],
      }),
    );
  return {
    cloud: profile.cloud,
    appId: profile.clientId.trim(),
    servicePrincipalObjectId: now.servicePrincipalObjectId,
    displayName: profile.name,
    mailbox: profile.mailbox,
    ...(profile.fromAddress && profile.fromAddress !== profile.mailbox ? { fromAddress: profile.fromAddress } : {}),
    model: group ? { kind: 'rbac-group', group } : { kind: 'mailbox-permission' },
    tokenHasSendAsAppRole: now.sendAsAppRole ?? false,
  };
}

const alreadyWorks = (profile: Profile) =>
  problem({
    code: 'EXCHANGE_PLAN_INCOMPLETE',
    title: 'SMTP accepts the login already',
    explanation: `Checking again, SMTP accepts ${profile.mailbox}: there is nothing to fix in Exchange.`,
    fixSteps: ['Check the SMTP login again to see the current result.'],
    retryable: true,
  });

const planGone = () =>
  problem({
    code: 'EXCHANGE_PLAN_INCOMPLETE',
    title: 'That plan is no longer current',
    explanation: 'It was already run, or the app restarted since it was shown. Nothing was changed.',
    fixSteps: ['Ask for the plan again; the app reads Exchange afresh.'],
  });
