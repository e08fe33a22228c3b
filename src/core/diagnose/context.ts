import type { Profile } from '../../shared/profile';
import { clouds } from '../../shared/clouds';
import { authorityHostOf } from '../authority/authority';
import type { SmtpDiagnosisContext } from './smtp';

/**
 * What a diagnosis knows besides the error: the profile's values (to fill in steps and
 * commands) and the step that failed (the same AADSTS code means different things at
 * sign-in and at refresh).
 */
export type DiagnoseStage = 'discovery' | 'authorize' | 'token' | 'refresh' | 'app-only' | 'device-code' | 'smtp';

export interface DiagnoseContext {
  readonly profile?: Partial<
    Pick<
      Profile,
      | 'clientId'
      | 'tenant'
      | 'cloud'
      | 'customAuthorityHost'
      | 'redirectUri'
      | 'mailbox'
      | 'flow'
      | 'credential'
      | 'scopes'
      | 'targetId'
    >
  >;
  readonly stage?: DiagnoseStage;
  /** The secret the user typed looks like a secret ID (a GUID): changes the 7000215 advice. */
  readonly secretLooksLikeId?: boolean;
  /** A public client's refresh token given to a target that sends a secret (AADSTS700025). */
  readonly targetSendsSecret?: boolean;
  /** For SMTP failures: handed to diagnoseSmtp (src/core/diagnose/smtp.ts). */
  readonly smtp?: SmtpDiagnosisContext;
}

/** Values used in fix steps, with readable placeholders when the profile lacks them. */
export interface Filled {
  readonly clientId: string;
  readonly tenant: string;
  readonly redirectUri: string;
  readonly mailbox: string;
  readonly portal: string;
  readonly authorityHost: string;
  readonly appPath: string;
}

export function fill(ctx: DiagnoseContext): Filled {
  const p = ctx.profile ?? {};
  const cloud = clouds[p.cloud ?? 'global'];
  const clientId = p.clientId?.trim() || '<client id>';
  const authorityHost = authorityHostOf(p);
  return {
    clientId,
    tenant: p.tenant?.trim() || '<tenant>',
    redirectUri: p.redirectUri?.trim() || 'http://localhost',
    mailbox: p.mailbox?.trim() || '<mailbox>',
    portal: cloud.entraPortal,
    authorityHost,
    appPath: `Entra admin center (${cloud.entraPortal}) → Identity → Applications → App registrations → All applications → the app with Application (client) ID ${clientId}`,
  };
}
