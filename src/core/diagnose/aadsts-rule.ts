import type { Problem } from '../../shared/problem';
import type { DiagnoseContext, Filled } from './context';
import type { IdpError } from './server-error';

/** One row of the AADSTS table: the values it fills in come from the profile. */
export type ProblemBody = Omit<Problem, 'code' | 'commands' | 'retryable' | 'detail'> &
  Partial<Pick<Problem, 'code' | 'commands' | 'retryable'>>;
export type AadstsRule = (f: Filled, ctx: DiagnoseContext, e: IdpError) => ProblemBody;

/** The admin-consent URL an admin opens to grant the app's permissions for the tenant. */
export const adminConsentUrl = (f: Filled): string =>
  `${f.authorityHost}/${f.tenant === '<tenant>' || ['common', 'consumers'].includes(f.tenant) ? 'organizations' : f.tenant}/adminconsent?client_id=${f.clientId}`;
