import { isProblemError } from '../../core/problem-error';
import type { ProfileFileRecovery } from '../../shared/profile-file-health';
import type { CliContext } from '../cli-context';
import { json, line } from '../cli-io';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';

/**
 * `profiles status | restore-backup | start-fresh`: the same way out of a damaged profile
 * file that the start screen offers. The damaged file is always kept beside the new one.
 */
export async function profilesStatus(ctx: CliContext): Promise<ExitCode> {
  const health = await ctx.profiles.health();
  const code = health.state === 'ok' ? EXIT.ok : EXIT.environment;
  if (ctx.json) {
    await json(ctx.io.stdout, { ok: code === EXIT.ok, health });
    return code;
  }
  const out = ctx.io.stdout;
  if (health.state === 'ok') {
    await line(out, `${health.file}: readable.`);
    for (const reason of health.unreadable) await line(out, `  kept as it is, not readable by this version: ${reason}`);
  } else if (health.state === 'newer') {
    await line(out, `${health.file}: written by a newer version (file format ${health.version}); update the app.`);
  } else {
    await line(out, `${health.file}: damaged. ${health.reason}`);
    await line(
      out,
      health.backup
        ? `Last good copy: ${health.backup.file} (${health.backup.profiles} profiles, saved ${health.backup.savedAt}). Run \`smtp-oauth-wizard profiles restore-backup\`.`
        : 'There is no good copy to restore.',
    );
    await line(out, 'Or run `smtp-oauth-wizard profiles start-fresh` (the damaged file is kept aside).');
  }
  return code;
}

export async function profilesRecover(ctx: CliContext, action: ProfileFileRecovery): Promise<ExitCode> {
  let done;
  try {
    done = await ctx.profiles.recover(action);
  } catch (e) {
    if (isProblemError(e) && e.problem.code === 'PROFILE_FILE_NOT_DAMAGED')
      throw new UsageError(e.problem.code, e.problem.explanation);
    throw e;
  }
  if (ctx.json) await json(ctx.io.stdout, { ok: true, action, ...done });
  else {
    await line(ctx.io.stdout, `The damaged file was kept as ${done.keptAs}.`);
    await line(
      ctx.io.stdout,
      action === 'restore-backup'
        ? `Restored the last good copy: ${done.profiles} profile${done.profiles === 1 ? '' : 's'}.`
        : 'Started with no profiles. Secrets of the old profiles stay in the keychain.',
    );
  }
  return EXIT.ok;
}
