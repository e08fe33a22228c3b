import { ipcContract, isChannel } from '../../shared/ipc-contract';
import { problem } from '../../shared/problem';
import { fail, ok, type Result } from '../../shared/result';
import { diagnose } from '../../core/diagnose';
import type { HandlerContext, HandlerMap } from './handler-map';

/**
 * Runs one IPC request through the handler map: unknown channel and malformed input are
 * refused with a Problem, and any failure comes back as `{ ok: false, problem }`, never as
 * a thrown error or a stack trace. Electron's ipcMain and the browser-test harness both
 * call this, so they behave the same.
 */
export async function dispatch(
  handlers: HandlerMap,
  channel: unknown,
  input: unknown,
  ctx: HandlerContext,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail(
      problem({
        code: 'IPC_UNKNOWN_CHANNEL',
        title: 'Unknown request',
        explanation: 'The window asked for something the app does not offer.',
        fixSteps: ['Restart the app. If it happens again, report it with "Copy support report".'],
      }),
    );
  }
  const parsed = ipcContract[channel].request.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? first.path.join('.') : 'request';
    return fail(
      problem({
        code: 'IPC_BAD_REQUEST',
        title: 'The request was not understood',
        explanation: `The value for "${where}" is not valid: ${first?.message ?? 'invalid input'}.`,
        fixSteps: ['Check the field named above and try again.'],
        field: where,
      }),
    );
  }
  try {
    // The map is keyed by channel, so this call is type-safe per channel; TypeScript cannot
    // correlate the union here, hence the one widening cast.
    const handler = handlers[channel] as (req: unknown, c: HandlerContext) => Promise<unknown>;
    return ok(await handler(parsed.data, ctx));
  } catch (e) {
    // One diagnosis for every failure: a ProblemError passes through, a keychain failure says
    // why (and that profiles are safe), anything else is UNEXPECTED with a redacted detail.
    return fail(diagnose(e));
  }
}
