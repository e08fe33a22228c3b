import type { ExchangePlan, StepOutcome } from '../../shared/exchange-plan';
import type { RecheckProgress } from './propagation-wait';

/** One line per step outcome and per SMTP re-check: the CLI prints them, the window shows them as progress. */

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
