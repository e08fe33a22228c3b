import type { Profile } from '../../shared/profile';
import { profilesFileIn } from '../../core/profiles/default-location';
import type { CliContext } from '../cli-context';
import { json, line } from '../cli-io';
import { EXIT, type ExitCode } from '../exit-codes';

/** What a script needs to pick a profile; the extra CA and other bulky fields stay out. */
const summary = (p: Profile) => ({
  id: p.id,
  name: p.name,
  targetId: p.targetId,
  flow: p.flow,
  cloud: p.cloud,
  tenant: p.tenant,
  clientId: p.clientId,
  credential: p.credential.kind,
  mailbox: p.mailbox,
  fromAddress: p.fromAddress,
  smtpHost: p.smtpHost,
  smtpPort: p.smtpPort,
  tokenState: p.tokenState,
});

export async function profilesList(ctx: CliContext): Promise<ExitCode> {
  const all = await ctx.profiles.list();
  const out = ctx.io.stdout;
  if (ctx.json) {
    await json(out, { dataDir: ctx.dataDir, profiles: all.map(summary) });
    return EXIT.ok;
  }
  if (all.length === 0) {
    await line(out, `No profiles in ${profilesFileIn(ctx.dataDir)}. Create one in the desktop app.`);
    return EXIT.ok;
  }
  const rows = all.map((p) => [p.name, p.id, p.flow, p.targetId, p.mailbox, lastVerify(p)]);
  const head = ['NAME', 'ID', 'FLOW', 'TARGET', 'MAILBOX', 'LAST VERIFY'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: readonly string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  await line(out, fmt(head));
  for (const r of rows) await line(out, fmt(r));
  return EXIT.ok;
}

function lastVerify(p: Profile): string {
  const v = p.tokenState.lastVerify;
  if (!v) return 'never';
  return `${v.ok ? 'ok' : `failed ${v.code ?? ''}`.trim()} ${v.at.slice(0, 16).replace('T', ' ')}`;
}
