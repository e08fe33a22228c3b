import { signInDelegated } from '../../core/oauth/delegated';
import { signInWithDeviceCode } from '../../core/oauth/device-code';
import { requireKeychain, resolveProfile, type CliContext } from '../cli-context';
import { json, line } from '../cli-io';
import { profileRef } from '../acquire';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { renderToken } from '../render-token';
import { terminalBrowser } from '../system-browser';

/**
 * `sign-in <profile> --device-code|--browser`: the mailbox user signs a delegated profile in
 * from a terminal, with the same core flows as the window; the refresh token goes to the keychain.
 */
export async function signInCommand(
  ctx: CliContext,
  ref: string | undefined,
  how: { deviceCode: boolean; browser: boolean },
): Promise<ExitCode> {
  if (how.deviceCode === how.browser) throw new UsageError('USAGE', 'choose one of --device-code or --browser');
  await requireKeychain(ctx);
  const profile = await resolveProfile(ctx, ref);
  if (profile.flow !== 'delegated')
    throw new UsageError('USAGE', `"${profile.name}" is app-only: it has no user to sign in (try \`token\`)`);
  const deps = { secrets: ctx.secrets, profiles: ctx.profiles };
  const outcome = how.deviceCode
    ? await signInWithDeviceCode(profile, { ...deps, onCode: (info) => void line(ctx.io.stderr, info.message) })
    : await signInDelegated(profile, { ...deps, systemBrowser: terminalBrowser(ctx.io, `as ${profile.mailbox}`) });
  const fit = outcome.inspection.verdict.fit !== 'no';
  if (ctx.json)
    await json(ctx.io.stdout, {
      ok: fit,
      profile: profileRef(profile),
      account: outcome.account,
      refreshTokenStored: outcome.refreshTokenStored,
      inspection: outcome.inspection,
    });
  else {
    await line(
      ctx.io.stdout,
      `✓ Signed in as ${outcome.account ?? profile.mailbox}; the refresh token is in the keychain.`,
    );
    for (const l of renderToken(profile, outcome)) await line(ctx.io.stdout, l);
  }
  return fit ? EXIT.ok : EXIT.checkFailed;
}
