import { GRAPH_COMMAND_LINE_TOOLS } from '../../shared/clouds';
import type { AdminSession } from '../registration/admin-session';
import type { AdminToken, AdminTokenSource } from './admin-token';

/**
 * "Create it for me" then Exchange's part with one sign-in where Entra allows it: the admin session
 * that created the app registration is asked, silently, for a token for Exchange Online (its refresh
 * token redeemed for the second resource, reference §13.1.2). Whether Entra gives one to Microsoft
 * Graph Command Line Tools is unconfirmed (a Microsoft-owned client needs Microsoft's
 * preauthorization, AADSTS65002); a client without consent for Exchange gets AADSTS65001. On such a
 * refusal the admin signs in once more with `fallback` (Exchange Online PowerShell's own client), and
 * `onSecondSignIn` is told why in plain words first. Other failures (network, a closed session) are
 * not papered over by a second sign-in: they reach the caller as they are.
 */

export type SessionRefusal = 'first-party' | 'no-consent' | 'interaction';

/** The part of an AdminSession this needs (tests give their own). */
export type ReusableSession = Pick<AdminSession, 'account' | 'tenantId' | 'clientId' | 'token'>;

export interface ReuseOptions {
  /** None (a profile made by hand, a set-up already closed): the fallback sign-in is the source. */
  readonly session: ReusableSession | undefined;
  readonly fallback: AdminTokenSource;
  /** Said before the second sign-in starts: why the first one cannot be used for Exchange. */
  readonly onSecondSignIn?: (why: string, refusal: SessionRefusal) => void;
}

/** Entra's refusal of the session's token for Exchange, or undefined for any other failure. */
export function sessionRefusal(e: unknown): SessionRefusal | undefined {
  if (!(e instanceof Error)) return undefined;
  const fields = e as Error & { errorCode?: unknown; subError?: unknown };
  const text = [fields.errorCode, fields.subError, e.name, e.message].filter((v) => typeof v === 'string').join(' ');
  if (/AADSTS65002\b/.test(text)) return 'first-party';
  if (/AADSTS65001\b|consent_required/.test(text)) return 'no-consent';
  if (/interaction_required|login_required|InteractionRequiredAuthError/.test(text)) return 'interaction';
  return undefined;
}

export function secondSignInReason(refusal: SessionRefusal, clientId: string): string {
  const app =
    clientId === GRAPH_COMMAND_LINE_TOOLS
      ? 'Microsoft Graph Command Line Tools, the sign-in app that created the app registration,'
      : `Your sign-in app (${clientId}), which created the app registration,`;
  const why = {
    'first-party': `${app} is a Microsoft app that Microsoft has not allowed to ask Exchange Online for a token (AADSTS65002).`,
    'no-consent': `${app} has no consent for Exchange Online in your organisation (AADSTS65001).`,
    interaction: `Entra ID wants the administrator to sign in again before it hands out a token for Exchange Online.`,
  }[refusal];
  return `${why} One more sign-in is needed for Exchange, with Exchange Online PowerShell's own sign-in app; it is kept in memory only, like the first.`;
}

export function reuseAdminSession(o: ReuseOptions): AdminTokenSource {
  const { session } = o;
  if (!session) return o.fallback;
  let refused = false;
  return {
    async tokenFor(resource, signal): Promise<AdminToken> {
      if (!refused) {
        try {
          const accessToken = await session.token([`${resource}/.default`]);
          return { accessToken, account: { upn: session.account, tenantId: session.tenantId } };
        } catch (e) {
          const refusal = sessionRefusal(e);
          if (!refusal) throw e;
          refused = true;
          o.onSecondSignIn?.(secondSignInReason(refusal, session.clientId), refusal);
        }
      }
      return o.fallback.tokenFor(resource, signal);
    },
  };
}
