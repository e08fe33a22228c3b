import type { ExchangePlan } from '../../shared/exchange-plan';
import type { Problem } from '../../shared/problem';
import { isExchangeAdminError } from './admin-error';
import { exchangeAdminProblem } from './admin-problems';
import type { ExchangeAdminPort } from './rest-client';

/**
 * Read first, then plan: the reads (signing the admin in on the way) decide which steps are
 * needed. When they fail, the answer is the diagnosis together with the full plan, whose
 * PowerShell is what the admin runs by hand instead.
 */
export type Prepared<S> =
  | { readonly ok: true; readonly plan: ExchangePlan; readonly state: S }
  | { readonly ok: false; readonly plan: ExchangePlan; readonly problem: Problem };

export async function preparePlan<S>(
  port: ExchangeAdminPort,
  read: () => Promise<S>,
  plan: (state: S | undefined, adminUpn: string | undefined) => ExchangePlan,
): Promise<Prepared<S>> {
  try {
    const state = await read();
    return { ok: true, plan: plan(state, port.account()?.upn), state };
  } catch (e) {
    if (!isExchangeAdminError(e)) throw e;
    const upn = port.account()?.upn;
    const fallback = plan(undefined, upn);
    return { ok: false, plan: fallback, problem: exchangeAdminProblem(e, fallback.powershell, upn) };
  }
}
