// Everything an IdP request handler needs: the world, the clock, keys and the emulator's memory.
import { type Directory } from '../directory';
import { type Clock } from '../clock';
import { type KeyMaterial } from '../make-keys';
import { type IdpState } from './state';
import { type GraphSwitches } from '../graph/switches';
import { type ExchangeAdminSwitches } from '../exchange-admin/switches';

export interface Behaviour {
  /** Code returned for an expired authorization code: 70000 or 70008 (§5.1 lists both). */
  readonly expiredCodeError: 70000 | 70008;
  /** Conditional Access block during interactive sign-in: Entra's page, or a redirect with the error. */
  readonly conditionalAccessAtAuthorize: 'page' | 'redirect';
  /** Seconds MSAL waits between device-code polls (Entra answers 5). */
  readonly deviceCodeIntervalSeconds: number;
  readonly accessTokenLifetimeSeconds: number;
  /** Authorization code lifetime (§1.3: about 10 minutes). */
  readonly codeLifetimeSeconds: number;
  /** SMTP sessions one mailbox may have authenticated at once; the next gets 432 4.3.2 (§7.7). */
  readonly smtpConcurrentSessionsPerMailbox: number;
  /** Recipients one mailbox may send to per 24 h (emulator clock); beyond: 554 5.2.0 (§7.7). */
  readonly smtpRecipientsPerDay: number;
  /**
   * How Exchange refuses a From the login may not send as (§7.6). Observed: `554 5.2.252
   * SendAsDenied` after the end of DATA. Documented but with the reply line and the moment
   * unconfirmed: `5.7.60 SMTP; Client does not have permissions to send as this sender`,
   * here as 550 at MAIL FROM.
   */
  readonly sendAsDeniedReply: '5.2.252-after-data' | '5.7.60-at-mail-from';
  /**
   * smtp-server holds every new connection 100 ms before its greeting to catch clients that
   * talk too early (a fixed timer, no option). False removes that wait, for benchmarks that
   * report absolute login rates; tests keep it, since real servers pause too.
   */
  readonly smtpGreetingDelay: boolean;
}

export const defaultBehaviour: Behaviour = {
  expiredCodeError: 70000,
  conditionalAccessAtAuthorize: 'page',
  deviceCodeIntervalSeconds: 5,
  accessTokenLifetimeSeconds: 3599,
  codeLifetimeSeconds: 600,
  smtpConcurrentSessionsPerMailbox: 3,
  smtpRecipientsPerDay: 10_000,
  sendAsDeniedReply: '5.2.252-after-data',
  smtpGreetingDelay: true,
};

export interface IdpContext {
  readonly directory: Directory;
  readonly clock: Clock;
  readonly keys: KeyMaterial;
  readonly state: IdpState;
  readonly behaviour: Behaviour;
  /** Directory behaviour shared with the Graph stand-in (replication delay, app policies). */
  readonly graph: GraphSwitches;
  /** The Exchange stand-in's live switches (which first-party clients get Exchange tokens). */
  readonly exchange: ExchangeAdminSwitches;
  /** 'https://127.0.0.1:PORT' once listening. */
  authorityHost: string;
}
