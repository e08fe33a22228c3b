import { type z } from 'zod';
import type { acquireRequestSchema, TokenResult, VerifyResult, verifyRequestSchema } from '../../shared/ipc-contract';
import type { TokenInspection } from '../../shared/token-inspection';
import { acquireAppOnly } from '../../core/oauth/app-only';
import { signInDelegated } from '../../core/oauth/delegated';
import { signInWithDeviceCode } from '../../core/oauth/device-code';
import type { AcquisitionDeps } from '../../core/oauth/flow-support';
import { redeemStoredRefreshToken } from '../../core/oauth/raw-refresh';
import type { TokenOutcome } from '../../core/oauth/token-outcome';
import { isProblemError } from '../../core/problem-error';
import { resolveNetwork } from '../../core/net/resolve-network';
import { verifySmtp } from '../../core/smtp/verify-smtp';
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
    const outcome = await operations.run(req.operationId, ctx.signal, (signal): Promise<TokenOutcome> => {
      if (req.method === 'app-only' || profile.flow === 'app-only') {
        say('token', 'Asking Entra ID for an app-only token…');
        return acquireAppOnly(profile, deps);
      }
      if (req.method === 'device-code') {
        say('sign-in', 'Asking Entra ID for a sign-in code…');
        // The code goes to the window as progress: the user reads it out or copies it to the mailbox owner.
        return signInWithDeviceCode(profile, {
          ...deps,
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
        ...deps,
        signal,
        ...(req.method === 'embedded'
          ? { loginWindow: ports.loginWindow }
          : { systemBrowser: { openExternal: ports.openExternal } }),
      });
    });
    inspections.set(profile.id, outcome.inspection);
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
    const { profile } = await viewOf(ports, req.profileId);
    const say = (stage: string, message: string) => ctx.progress({ operationId: req.operationId, stage, message });
    const at = () => new Date(ports.now ? ports.now() : Date.now()).toISOString();
    return operations.run(req.operationId, ctx.signal, async (signal) => {
      let outcome: TokenOutcome;
      try {
        say(
          'token',
          profile.flow === 'delegated'
            ? 'Redeeming the stored refresh token as the target system will…'
            : 'Getting a fresh app-only token…',
        );
        outcome =
          profile.flow === 'delegated'
            ? await redeemStoredRefreshToken(profile, { ...deps, signal })
            : await acquireAppOnly(profile, deps);
      } catch (e) {
        // A cancel says nothing about the token, so it is not recorded as a failed verification.
        if (isProblemError(e) && !signal.aborted)
          await ports.profiles.recordTokenState(profile.id, {
            lastVerify: { at: at(), ok: false, code: e.problem.code, title: e.problem.title },
          });
        throw e;
      }
      inspections.set(profile.id, outcome.inspection);
      say(
        'smtp',
        req.sendTo
          ? `Logging in to ${profile.smtpHost} and sending a test mail…`
          : `Logging in to ${profile.smtpHost}…`,
      );
      const report = await verifySmtp({
        profile: { ...profile, network: await resolveNetwork(profile, ports.secrets) },
        accessToken: outcome.accessToken,
        tokenInspection: outcome.inspection,
        signal,
        ...(req.sendTo ? { send: { to: req.sendTo } } : {}),
      });
      const updated = await ports.profiles.recordTokenState(profile.id, {
        lastVerify: {
          at: at(),
          ok: report.ok,
          ...(report.problem ? { code: report.problem.code, title: report.problem.title } : {}),
        },
      });
      return { profile: updated, inspection: outcome.inspection, report };
    });
  };

  return { acquire, verify, lastInspection: (profileId: string) => inspections.get(profileId) };
}
