import type { ExchangePlan, StepOutcome } from '../shared/exchange-plan';
import type { RecheckProgress } from '../core/exchange-admin/propagation-wait';

/** An Exchange plan as the admin reads it before saying yes: what was found, each step with its command. */
export function renderPlan(plan: ExchangePlan): string[] {
  const out = [plan.title, ''];
  for (const f of plan.found) out.push(`  ✓ ${f}`);
  if (plan.steps.length === 0) out.push('  Nothing to change in Exchange.');
  plan.steps.forEach((s, i) => out.push(`  ${i + 1}. ${s.purpose}`, `       ${s.powershell}`));
  if (plan.blocked) out.push('', `✗ ${plan.blocked}`);
  out.push('', ...plan.notes.map((n) => `! ${n}`));
  out.push('', 'The same in Exchange Online PowerShell:', ...plan.powershell.map((l) => `  ${l}`));
  return out;
}

const STATUS: Readonly<Record<StepOutcome['status'], string>> = {
  done: '✓',
  already: '✓ (already in place)',
  failed: '✗',
  'not-run': '-',
};

export function renderStep(plan: ExchangePlan, o: StepOutcome): string {
  const step = plan.steps.find((s) => s.id === o.id);
  return `${STATUS[o.status]} ${step?.purpose ?? o.id}${o.message && o.status !== 'done' ? ` (${o.message})` : ''}`;
}

const minutes = (ms: number): string => {
  const m = Math.round(ms / 60_000);
  return m < 1 ? `${Math.round(ms / 1000)} s` : `${m} min`;
};

export function renderRecheck(p: RecheckProgress): string {
  if (p.ok) return `✓ SMTP accepts the login now (check ${p.attempt}, after ${minutes(p.elapsedMs)})`;
  const why = p.problem ? `${p.problem.title} [${p.problem.code}]` : 'refused';
  return p.nextInMs !== undefined
    ? `… SMTP still refuses: ${why}. Exchange can take up to an hour to apply a change; checking again in ${minutes(p.nextInMs)}.`
    : `✗ SMTP still refuses: ${why}`;
}
