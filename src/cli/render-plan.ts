import type { ExchangePlan } from '../shared/exchange-plan';

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
