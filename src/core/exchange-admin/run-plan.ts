import type { ExchangePlan, PlanRun, PlanStep, StepOutcome } from '../../shared/exchange-plan';
import { problem, type Problem } from '../../shared/problem';
import { createRedactor } from '../redact';
import { ExchangeAdminError, isExchangeAdminError } from './admin-error';
import { exchangeAdminProblem, planBlockedProblem, wrongObjectIdProblem } from './admin-problems';
import { cmdlets, readServicePrincipal } from './cmdlets';
import { powershell } from './cmdlet';
import { remainingPowershell } from './plan';
import { isProblemError, ProblemError } from '../problem-error';
import type { ExchangeAdminPort } from './rest-client';

/**
 * Runs a confirmed plan step by step and says, for each, whether it was done, already in place,
 * failed or not run. A failure stops the run; its diagnosis names what was applied and what was
 * not, and its commands are the PowerShell for the rest, so nothing is half-applied unsaid.
 */

const redact = createRedactor([]);

/** Exchange's warnings that mean "nothing to do": a duplicate grant, a Set-* that changed nothing. */
const ALREADY = /already present|no settings of .* have been modified/i;

export interface RunPlanOptions {
  readonly signal?: AbortSignal;
  readonly onStep?: (outcome: StepOutcome, index: number) => void;
}

function bound(step: PlanStep, identity: string | undefined): PlanStep['cmdlet'] {
  if (!step.bindServicePrincipal || !identity) return step.cmdlet;
  return { ...step.cmdlet, parameters: { ...step.cmdlet.parameters, [step.bindServicePrincipal]: identity } };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** New-ServicePrincipal said "already exists": fine only if Exchange holds the same ObjectId. */
async function existingServicePrincipal(
  port: ExchangeAdminPort,
  step: PlanStep,
  connect: string,
  signal?: AbortSignal,
): Promise<string> {
  const appId = str(step.cmdlet.parameters.AppId);
  const objectId = str(step.cmdlet.parameters.ObjectId);
  const sp = readServicePrincipal((await port.invoke(cmdlets.getServicePrincipal(appId), signal)).rows, appId);
  if (!sp)
    throw new ExchangeAdminError(
      'cmdlet',
      step.cmdlet.name,
      'Exchange reports the app as registered but does not list it.',
    );
  if (objectId && sp.objectId.toLowerCase() !== objectId.toLowerCase()) {
    const displayName = str(step.cmdlet.parameters.DisplayName) || sp.displayName;
    throw new ProblemError(
      wrongObjectIdProblem({
        appId,
        registeredObjectId: sp.objectId,
        expectedObjectId: objectId,
        commands: [
          connect,
          powershell(cmdlets.removeServicePrincipal(sp.identity)),
          powershell(cmdlets.newServicePrincipal(appId, objectId, displayName)),
        ],
      }),
    );
  }
  return sp.identity;
}

function summary(plan: ExchangePlan, outcomes: readonly StepOutcome[]): string {
  const purposes = (statuses: readonly string[]) =>
    outcomes
      .filter((o) => statuses.includes(o.status))
      .map((o) => plan.steps.find((s) => s.id === o.id)?.purpose ?? o.id);
  const applied = purposes(['done', 'already']);
  const notApplied = purposes(['failed', 'not-run']);
  return applied.length === 0
    ? 'Nothing was changed in Exchange.'
    : `Applied: ${applied.join('; ')}. Not applied: ${notApplied.join('; ')}.`;
}

function failureProblem(
  plan: ExchangePlan,
  outcomes: StepOutcome[],
  index: number,
  e: unknown,
  port: ExchangeAdminPort,
  signal?: AbortSignal,
): Problem {
  const rest = remainingPowershell(plan, index);
  const said = summary(plan, outcomes);
  if (signal?.aborted)
    return problem({
      code: 'CANCELLED',
      title: 'Stopped before every Exchange change was made',
      explanation: `${said} The step that was running when you stopped may or may not have reached Exchange; running the plan again is safe, each step checks first.`,
      fixSteps: ['Run it again to finish, or run the remaining commands below by hand.'],
      commands: rest,
    });
  const base = isProblemError(e)
    ? e.problem
    : isExchangeAdminError(e)
      ? exchangeAdminProblem(e, rest, port.account()?.upn)
      : problem({
          code: 'EXCHANGE_ADMIN_CMDLET_FAILED',
          title: `${plan.steps[index]?.cmdlet.name ?? 'A cmdlet'} failed`,
          explanation: redact(e instanceof Error ? e.message : String(e)),
          fixSteps: ['Run the commands below in Exchange Online PowerShell.'],
          commands: rest,
        });
  return { ...base, explanation: `${base.explanation} ${said}` };
}

export async function runPlan(plan: ExchangePlan, port: ExchangeAdminPort, o: RunPlanOptions = {}): Promise<PlanRun> {
  const outcomes: StepOutcome[] = plan.steps.map((s) => ({ id: s.id, status: 'not-run' }));
  if (plan.blocked) return { ok: false, steps: outcomes, problem: planBlockedProblem(plan.blocked, plan.powershell) };
  let identity: string | undefined;
  for (const [i, step] of plan.steps.entries()) {
    const record = (outcome: StepOutcome) => {
      outcomes[i] = outcome;
      o.onStep?.(outcome, i);
    };
    try {
      o.signal?.throwIfAborted();
      let result;
      try {
        result = await port.invoke(bound(step, identity), o.signal);
      } catch (e) {
        if (!(isExchangeAdminError(e) && e.kind === 'already-exists' && step.alreadyIsDone)) throw e;
        if (step.cmdlet.name === 'New-ServicePrincipal')
          identity = await existingServicePrincipal(port, step, plan.powershell[0] ?? '', o.signal);
        record({ id: step.id, status: 'already', message: redact(e.message) });
        continue;
      }
      if (/^(New|Get)-ServicePrincipal$/i.test(step.cmdlet.name)) identity = str(result.rows[0]?.Identity) || identity;
      const warning = result.warnings.join(' ');
      record({
        id: step.id,
        status: step.alreadyIsDone && ALREADY.test(warning) ? 'already' : 'done',
        ...(warning ? { message: redact(warning) } : {}),
      });
    } catch (e) {
      record({ id: step.id, status: 'failed', ...(e instanceof Error ? { message: redact(e.message) } : {}) });
      return { ok: false, steps: outcomes, problem: failureProblem(plan, outcomes, i, e, port, o.signal) };
    }
  }
  return { ok: true, steps: outcomes };
}
