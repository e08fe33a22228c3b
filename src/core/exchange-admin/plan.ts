import type { ExchangeCmdlet, ExchangePlan, PlanStep } from '../../shared/exchange-plan';
import { PROPAGATION_NOTE, UNDOCUMENTED_ENDPOINT_NOTE } from '../../shared/exchange-plan';
import type { CloudId } from '../../shared/profile';
import { connectExchangeOnline, powershell } from './cmdlet';

/** One step; its PowerShell is the cmdlet's own line, with `expressions` for values PowerShell looks up. */
export function planStep(
  id: string,
  purpose: string,
  cmdlet: ExchangeCmdlet,
  o: { expressions?: Readonly<Record<string, string>>; bindServicePrincipal?: string; alreadyIsDone?: boolean } = {},
): PlanStep {
  return {
    id,
    purpose,
    cmdlet,
    powershell: powershell(cmdlet, o.expressions),
    alreadyIsDone: o.alreadyIsDone ?? true,
    ...(o.bindServicePrincipal ? { bindServicePrincipal: o.bindServicePrincipal } : {}),
  };
}

export interface PlanParts {
  readonly kind: ExchangePlan['kind'];
  readonly title: string;
  readonly cloud: CloudId;
  readonly steps: readonly PlanStep[];
  readonly found?: readonly string[];
  readonly notes?: readonly string[];
  readonly adminUpn?: string;
  readonly blocked?: string;
}

/** A plan with its script and the two notes every one-click Exchange change carries. */
export function buildPlan(p: PlanParts): ExchangePlan {
  return {
    kind: p.kind,
    title: p.title,
    found: p.found ?? [],
    steps: p.steps,
    powershell: [connectExchangeOnline(p.cloud, p.adminUpn), ...p.steps.map((s) => s.powershell)],
    notes: [...(p.notes ?? []), UNDOCUMENTED_ENDPOINT_NOTE, ...(p.steps.length > 0 ? [PROPAGATION_NOTE] : [])],
    ...(p.blocked ? { blocked: p.blocked } : {}),
  };
}

/** The script for the steps from `from` on (what is left to run by hand after a failure). */
export function remainingPowershell(plan: ExchangePlan, from: number): string[] {
  return [plan.powershell[0] ?? 'Connect-ExchangeOnline', ...plan.steps.slice(from).map((s) => s.powershell)];
}
