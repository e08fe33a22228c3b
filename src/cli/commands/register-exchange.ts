import { isProblemError } from '../../core/problem-error';
import type { AdminSession } from '../../core/registration/admin-session';
import type { Profile } from '../../shared/profile';
import { flag, positiveInt, stringOpt, type Parsed } from '../args';
import type { CliContext } from '../cli-context';
import { line } from '../cli-io';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { renderProblem } from '../render-problem';
import type { GiveAccessFlags } from './give-access';

/** `register … --exchange`: Exchange's part right after the app registration, in the same process. */

/** `--exchange` and its options, checked before anything is created so a usage error changes nothing. */
export function exchangeFlags(ctx: CliContext, p: Parsed): GiveAccessFlags | undefined {
  const group = stringOpt(p, 'group');
  const wait = stringOpt(p, 'wait-minutes');
  if (!flag(p, 'exchange')) {
    for (const name of ['group', 'yes', 'wait-minutes'])
      if (p.values[name] !== undefined) throw new UsageError('USAGE', `--${name} goes with --exchange`);
    return undefined;
  }
  // The question comes after the app is created: a script without --yes would stop half-way.
  if (!flag(p, 'yes') && !ctx.io.stdin?.isTTY)
    throw new UsageError('CONFIRMATION_NEEDED', 'add --yes to run the Exchange commands without a question');
  return {
    yes: flag(p, 'yes'),
    waitMinutes: wait === '0' ? 0 : positiveInt(wait, 'wait-minutes', 60),
    ...(group !== undefined ? { group } : {}),
  };
}

/**
 * Exchange's part as `give-access` does it, in this process, asking register's admin sign-in first.
 * A failure of it (a cancelled or timed-out second sign-in) leaves the app registration standing:
 * it is reported with the rest of the document, not instead of it.
 */
export async function exchangePart(
  ctx: CliContext,
  done: Profile,
  flags: GiveAccessFlags,
  session: AdminSession,
): Promise<{ code: ExitCode; doc: Record<string, unknown> | undefined }> {
  let doc: Record<string, unknown> | undefined;
  const { giveAccessCommand } = await import('./give-access');
  try {
    const code = await giveAccessCommand(ctx, done.id, flags, {
      session,
      ...(done.registration?.servicePrincipalObjectId
        ? { servicePrincipalObjectId: done.registration.servicePrincipalObjectId }
        : {}),
      // A delegated mailbox has not signed in yet: nothing to check SMTP with.
      recheck: done.flow === 'app-only',
      emit: (d) => {
        doc = d;
      },
    });
    return { code, doc };
  } catch (e) {
    if (!isProblemError(e)) throw e;
    if (!ctx.json) for (const l of ['', ...renderProblem(e.problem)]) await line(ctx.io.stdout, l);
    const code = e.problem.category === 'environment' ? EXIT.environment : EXIT.checkFailed;
    return { code, doc: { ok: false, profile: { id: done.id, name: done.name }, fixed: false, problem: e.problem } };
  }
}
