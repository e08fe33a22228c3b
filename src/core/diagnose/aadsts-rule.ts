import type { Problem, ProblemCategory, Remedy } from '../../shared/problem';
import type { DiagnoseContext, Filled } from './context';
import type { IdpError } from './server-error';

/** What a rule writes; the code, category, remedy and detail come from the row and the error. */
export type RuleBody = Pick<Problem, 'title' | 'explanation' | 'fixSteps'> &
  Partial<Pick<Problem, 'commands' | 'retryable' | 'field' | 'remedy'>>;

/**
 * One row of the AADSTS table. `codes` are exactly the numbers this explanation is true
 * for (Microsoft's error-code reference, D7): a newer number first, then older numbers
 * Microsoft used for the same meaning. A code not listed in any row is never explained by
 * a neighbour; it gets the "this app does not know this code" diagnosis.
 */
export interface AadstsRule {
  readonly codes: readonly number[];
  readonly category: ProblemCategory;
  /** What the app can do itself; a rule may pick one per case in its body instead. */
  readonly remedy?: Remedy;
  readonly explain: (f: Filled, ctx: DiagnoseContext, e: IdpError) => RuleBody;
}

/** The admin-consent URL an admin opens to grant the app's permissions for the tenant. */
export const adminConsentUrl = (f: Filled): string =>
  `${f.authorityHost}/${f.tenant === '<tenant>' || ['common', 'consumers'].includes(f.tenant) ? 'organizations' : f.tenant}/adminconsent?client_id=${f.clientId}`;

/** The Enterprise application (service principal) pages, where assignment and sign-in are switched. */
export const enterpriseAppPath = (f: Filled): string =>
  `Entra admin center (${f.portal}) → Identity → Applications → Enterprise applications → All applications → search for ${f.clientId}`;
