import type { ExchangePlan, PlanRun, StepOutcome } from '../../shared/exchange-plan';
import { runPlan } from './run-plan';
import type { ExchangeAdminPort } from './rest-client';
import { waitUntilSmtpAccepts, type RecheckProgress, type WaitOptions, type WaitResult } from './propagation-wait';

/**
 * The confirmed part of every Exchange use case: run the plan, then re-check SMTP on a schedule
 * until it accepts or the propagation bound passes. No waiting when a step failed: the diagnosis
 * of the run says what was and was not applied.
 */
export interface ApplyOptions extends Omit<WaitOptions, 'onProgress'> {
  readonly onStep?: (outcome: StepOutcome, index: number) => void;
  readonly onRecheck?: (p: RecheckProgress) => void;
}

export interface Applied {
  readonly run: PlanRun;
  readonly wait?: WaitResult;
}

export async function applyPlan(plan: ExchangePlan, port: ExchangeAdminPort, o: ApplyOptions): Promise<Applied> {
  const run = await runPlan(plan, port, {
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onStep ? { onStep: o.onStep } : {}),
  });
  if (!run.ok) return { run };
  const wait = await waitUntilSmtpAccepts({ ...o, ...(o.onRecheck ? { onProgress: o.onRecheck } : {}) });
  return { run, wait };
}
