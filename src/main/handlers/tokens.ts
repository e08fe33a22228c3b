import { type z } from 'zod';
import type { acquireRequestSchema, TokenResult, VerifyResult, verifyRequestSchema } from '../../shared/ipc-contract';
import type { TokenInspection } from '../../shared/token-inspection';
import { acquireAppOnly } from '../../core/oauth/app-only';
import { signInDelegated } from '../../core/oauth/delegated';
import { signInWithDeviceCode } from '../../core/oauth/device-code';
import type { AcquisitionDeps } from '../../core/oauth/flow-support';
import type { TokenOutcome } from '../../core/oauth/token-outcome';
import { ProblemError } from '../../core/problem-error';
import { problem } from '../../shared/problem';
import { rememberServicePrincipal } from '../../core/profiles/service-principal';
import { verifyProfile } from '../../core/check/verify-profile';
import { aemSignInNotices } from '../../core/targets';
import type { HandlerContext } from '../ipc/handler-map';
import type { Operations } from './operations';
import type { HandlerPorts } from './ports';
import { viewOf } from './profiles';

type AcquireRequest = z.output<typeof acquireRequestSchema>;
type VerifyRequest = z.output<typeof verifyRequestSchema>;

/**
 * Sign-in and verification. Access tokens stay in this process: the window gets what a
 * token says (its inspection), never the token. The last inspection per profile is kept
 * in memory for the support report.
 */
export function createTokenHandlers(ports: HandlerPorts, operations: Operations) {
  const inspections = new Map<string, TokenInspection>();
  const deps: AcquisitionDeps = {
    secrets: ports.secrets,
    profiles: ports.profiles,
    ...(ports.now ? { now: ports.now } : {}),
  };

  const acquire = async (req: AcquireRequest, ctx: HandlerContext): Promise<TokenResult> => {
    const { profile } = await viewOf(ports, req.profileId);
    const say = (stage: string, message: string) => ctx.progress({ operationId: req.operationId, stage, message });
    // The token is what counts; dates that could not be saved are said, not failed on.
    const flowDeps: AcquisitionDeps = { ...deps, onWarning: (w) => say('warning', `${w.title}. ${w.explanation}`) };
    const outcome = await operations.run(req.operationId, ctx.signal, (signal): Promise<TokenOutcome> => {
      if (req.method === 'app-only' || profile.flow === 'app-only') {
        say('token', 'Asking Entra ID for an app-only token…');
        return acquireAppOnly(profile, { ...flowDeps, signal });
      }
      if (req.method === 'device-code') {
        say('sign-in', 'Asking Entra ID for a sign-in code…');
        // The code goes to the window as progress: the user reads it out or copies it to the mailbox owner.
        return signInWithDeviceCode(profile, {
          ...flowDeps,
          signal,
          onCode: (info) =>
            ctx.progress({
              operationId: req.operationId,
              stage: 'device-code',
              message: info.message,
              userCode: info.userCode,
              verificationUri: info.verificationUri,
            }),
        });
      }
      say(
        'sign-in',
        req.method === 'embedded'
          ? 'Sign in in the window that opened…'
          : 'Sign in in your web browser, then come back here…',
      );
      return signInDelegated(profile, {
        ...flowDeps,
        signal,
        ...(req.method === 'embedded'
          ? { loginWindow: ports.loginWindow }
          : { systemBrowser: { openExternal: ports.openExternal } }),
      });
    });
    inspections.set(profile.id, outcome.inspection);
    await rememberServicePrincipal(ports.profiles, (await viewOf(ports, profile.id)).profile, outcome.inspection);
    const notices = await aemSignInNotices(profile, ports.secrets);
    return {
      profile: (await viewOf(ports, profile.id)).profile,
      ...(notices.length > 0 ? { notices } : {}),
      inspection: outcome.inspection,
      refreshTokenStored: outcome.refreshTokenStored,
      ...(outcome.account ? { account: outcome.account } : {}),
      ...(outcome.expiresOn ? { expiresOn: outcome.expiresOn } : {}),
    };
  };

  const verify = async (req: VerifyRequest, ctx: HandlerContext): Promise<VerifyResult> => {
    const saved = (await viewOf(ports, req.profileId)).profile;
    // A one-off check of another mailbox (app-only) logs in as that mailbox and records nothing.
    const oneOff = req.mailbox !== undefined;
    if (oneOff && saved.flow !== 'app-only') throw new ProblemError(oneOffNeedsAppOnly());
    const say = (stage: string, message: string) => ctx.progress({ operationId: req.operationId, stage, message });
    const smtpHost = saved.smtpHost;
    return operations.run(req.operationId, ctx.signal, async (signal) => {
      const checked = await verifyProfile(
        saved,
        {
          ...deps,
          onStep: (step) =>
            step === 'token'
              ? say(
                  'token',
                  saved.flow === 'delegated'
                    ? 'Redeeming the stored refresh token as the target system will…'
                    : 'Getting a fresh app-only token…',
                )
              : say(
                  'smtp',
                  req.sendTo ? `Logging in to ${smtpHost} and sending a test mail…` : `Logging in to ${smtpHost}…`,
                ),
        },
        { signal, ...(req.sendTo ? { sendTo: req.sendTo } : {}), ...(req.mailbox ? { mailbox: req.mailbox } : {}) },
      );
      inspections.set(saved.id, checked.inspection);
      if (oneOff) return checked;
      const profile = await rememberServicePrincipal(ports.profiles, checked.profile, checked.inspection);
      return { ...checked, profile };
    });
  };

  return { acquire, verify, lastInspection: (profileId: string) => inspections.get(profileId) };
}

const oneOffNeedsAppOnly = () =>
  problem({
    code: 'CHECK_MAILBOX_NEEDS_APP_ONLY',
    title: 'Another mailbox can be checked only with an app-only profile',
    explanation:
      'A delegated token belongs to the user who signed in, so it can only prove that user’s own mailbox (or one they have rights on).',
    fixSteps: ['Check the mailbox with an app-only profile of the same tenant, or sign in as that mailbox.'],
    field: 'mailbox',
  });
