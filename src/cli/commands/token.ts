import type { CliContext } from '../cli-context';
import { resolveProfile } from '../cli-context';
import { json, line } from '../cli-io';
import { acquireToken, profileRef } from '../acquire';
import { EXIT, type ExitCode } from '../exit-codes';
import { renderToken } from '../render-token';

/** `token <profile> [--show-token]`: get a token, explain its claims, give the verdict. */
export async function tokenCommand(ctx: CliContext, ref: string | undefined, showToken: boolean): Promise<ExitCode> {
  const profile = await resolveProfile(ctx, ref);
  const outcome = await acquireToken(ctx, profile);
  const fit = outcome.inspection.verdict.fit !== 'no';
  const out = ctx.io.stdout;
  if (ctx.json) {
    await json(out, {
      ok: fit,
      profile: profileRef(profile),
      flow: profile.flow,
      inspection: outcome.inspection,
      ...(outcome.expiresOn ? { expiresOn: outcome.expiresOn } : {}),
      ...(outcome.account ? { account: outcome.account } : {}),
      // Only on request: the one place the CLI prints a secret.
      ...(showToken ? { accessToken: outcome.accessToken } : {}),
    });
  } else {
    for (const l of renderToken(profile, outcome)) await line(out, l);
    if (showToken) await line(out, `Access token: ${outcome.accessToken}`);
  }
  return fit ? EXIT.ok : EXIT.checkFailed;
}
