import { readFile } from 'node:fs/promises';
import { resolveNetwork } from '../../core/net/resolve-network';
import { signInAdmin } from '../../core/registration/admin-session';
import { runRegistration } from '../../core/registration/run-registration';
import { startRegistration } from '../../core/registration/start-registration';
import { exchangeCommandsFor } from '../../core/registration/exchange-commands';
import { cloudIdSchema, flowSchema, targetIdSchema, type Profile } from '../../shared/profile';
import { registrationOptionsSchema } from '../../shared/registration';
import { defaultAppName } from '../../shared/registration-plan';
import { targetPreset } from '../../shared/targets';
import { flag, stringOpt, type Parsed } from '../args';
import { requireKeychain, resolveProfile, type CliContext } from '../cli-context';
import { json, line } from '../cli-io';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { terminalBrowser } from '../system-browser';
import { exchangeFlags, exchangePart } from './register-exchange';

function required(p: Parsed, name: string): string {
  const v = stringOpt(p, name)?.trim();
  if (!v) throw new UsageError('USAGE', `--${name} is required (see --help)`);
  return v;
}

function oneOf<T extends string>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  value: string,
  name: string,
  allowed: readonly string[],
): T {
  const r = schema.safeParse(value);
  if (!r.success || r.data === undefined)
    throw new UsageError('USAGE', `--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return r.data;
}

/**
 * `register`: "Create it for me" from a terminal, the same core use case as the window. The
 * administrator signs in in a browser (the address is printed) or with a device code; the
 * profile is created first, so `--continue <profile>` picks up a run that stopped.
 * `--exchange` then does Exchange's part in the same process (see `exchangePart`).
 */
export async function registerCommand(ctx: CliContext, p: Parsed): Promise<ExitCode> {
  const exchange = exchangeFlags(ctx, p);
  await requireKeychain(ctx);
  const deps = { secrets: ctx.secrets, profiles: ctx.profiles };
  let profile: Profile;
  const continuing = stringOpt(p, 'continue');
  if (continuing) {
    profile = await resolveProfile(ctx, continuing);
  } else {
    const targetId = oneOf(targetIdSchema, required(p, 'target'), 'target', targetIdSchema.options);
    const preset = targetPreset(targetId);
    const flowText = stringOpt(p, 'flow');
    if (flowText !== undefined) {
      const flow = oneOf(flowSchema, flowText, 'flow', flowSchema.options);
      if (flow !== preset.flow)
        throw new UsageError(
          'USAGE',
          `--target ${targetId} is a ${preset.flow} set-up; for ${flow} use ${flow === 'app-only' ? '--target app-only' : 'a delegated target such as --target generic'}`,
        );
    }
    if (exchange?.group && preset.flow !== 'app-only')
      throw new UsageError('USAGE', '--group (App RBAC) is for app-only set-ups; delegated ones need SMTP AUTH only');
    const mailbox = required(p, 'mailbox');
    const cloud = oneOf(cloudIdSchema, stringOpt(p, 'cloud') ?? 'global', 'cloud', cloudIdSchema.options);
    const months = Number(stringOpt(p, 'secret-months') ?? '12');
    if (![6, 12, 24].includes(months)) throw new UsageError('USAGE', '--secret-months must be 6, 12 or 24');
    if (flag(p, 'certificate') && preset.credential !== 'client-secret-or-certificate')
      throw new UsageError('USAGE', `--certificate: ${preset.label} signs in with a client secret, not a certificate`);
    const caFile = stringOpt(p, 'ca-file');
    const port = stringOpt(p, 'smtp-port');
    profile = await startRegistration(deps, {
      name: stringOpt(p, 'name') ?? `${preset.label} – ${mailbox}`,
      targetId,
      mailbox,
      cloud,
      customAuthorityHost: stringOpt(p, 'authority-host') ?? '',
      network: { proxyUrl: '', extraCaPem: caFile ? await readFile(caFile, 'utf8') : '', timeoutMs: 30_000 },
      ...(stringOpt(p, 'smtp-host') ? { smtpHost: stringOpt(p, 'smtp-host') } : {}),
      ...(port ? { smtpPort: Number(port) } : {}),
      options: registrationOptionsSchema.parse({
        appName: stringOpt(p, 'app-name') ?? defaultAppName(preset.label, mailbox),
        credential: flag(p, 'certificate') ? 'certificate' : 'secret',
        secretLifetimeMonths: months,
        adminClientId: stringOpt(p, 'admin-client-id') ?? '',
        tenant: required(p, 'tenant'),
        customGraphHost: stringOpt(p, 'graph-host') ?? '',
        // App RBAC over --group: the app is made without SMTP.SendAsApp, which would bypass the scope.
        appRbac: exchange?.group !== undefined,
      }),
    });
    await line(ctx.io.stderr, `Profile “${profile.name}” (${profile.id}) created; now the administrator signs in.`);
  }
  const rec = profile.registration;
  if (!rec) throw new UsageError('USAGE', `profile "${profile.name}" was not made by register or "Create it for me"`);
  if (exchange?.group && profile.flow !== 'app-only')
    throw new UsageError('USAGE', '--group (App RBAC) is for app-only set-ups; delegated ones need SMTP AUTH only');
  const session = await signInAdmin(ctx.secrets, {
    cloud: profile.cloud,
    customAuthorityHost: profile.customAuthorityHost,
    tenant: rec.tenantId ?? profile.tenant,
    clientId: rec.adminClientId,
    network: await resolveNetwork(profile, ctx.secrets),
    method: flag(p, 'device-code') ? 'device-code' : 'system-browser',
    systemBrowser: terminalBrowser(ctx.io, 'as an administrator'),
    onDeviceCode: (info) => void line(ctx.io.stderr, info.message),
  });
  let last = '';
  try {
    const done = await runRegistration(profile.id, deps, {
      session,
      onProgress: (pr) => {
        if (pr.message !== last) void line(ctx.io.stderr, `… ${pr.message}`);
        last = pr.message;
      },
    });
    const r = done.registration;
    const commands = exchangeCommandsFor(done);
    const doc = {
      profile: { id: done.id, name: done.name },
      tenant: { id: r?.tenantId, name: r?.tenantName, initialDomain: r?.initialDomain },
      clientId: done.clientId,
      applicationObjectId: r?.applicationObjectId,
      servicePrincipalObjectId: r?.servicePrincipalObjectId,
      credential: done.credential,
      exchangeCommands: commands,
    };
    if (!ctx.json) await printCreated(ctx, done, exchange ? [] : commands);
    let code: ExitCode = EXIT.ok;
    let exchangeDoc: Record<string, unknown> | undefined;
    if (exchange) {
      if (!ctx.json) await line(ctx.io.stdout, '');
      ({ code, doc: exchangeDoc } = await exchangePart(ctx, done, exchange, session));
    }
    if (ctx.json)
      await json(ctx.io.stdout, {
        ok: code === EXIT.ok,
        ...doc,
        ...(exchangeDoc ? { exchange: exchangeDoc } : {}),
      });
    else
      await line(
        ctx.io.stdout,
        done.flow === 'delegated'
          ? `Next: smtp-oauth-wizard sign-in "${done.name}" --browser   (the mailbox signs in)`
          : `Next: smtp-oauth-wizard verify "${done.name}"`,
      );
    return code;
  } finally {
    session.close();
  }
}

async function printCreated(ctx: CliContext, done: Profile, commands: readonly string[]): Promise<void> {
  const r = done.registration;
  const out = ctx.io.stdout;
  await line(out, `✓ Created “${r?.appName}” in ${r?.tenantName} (${r?.initialDomain ?? r?.tenantId})`);
  await line(out, `  Profile:                      ${done.name} (${done.id})`);
  await line(out, `  Application (client) ID:      ${done.clientId}`);
  await line(out, `  Directory (tenant) ID:        ${r?.tenantId}`);
  await line(out, `  App registration object ID:   ${r?.applicationObjectId}`);
  await line(out, `  Enterprise app object ID:     ${r?.servicePrincipalObjectId}`);
  await line(
    out,
    `  Credential:                   ${done.credential.kind === 'certificate' ? `certificate ${done.credential.thumbprintSha1} (private key in the keychain)` : `client secret in the keychain${done.credential.kind === 'secret' && done.credential.expiresOn ? `, expires ${done.credential.expiresOn.slice(0, 10)}` : ''}`}`,
  );
  if (commands.length) {
    await line(out, '');
    await line(out, 'Exchange still needs (Exchange Online PowerShell, as an Exchange administrator):');
    for (const c of commands) await line(out, `  ${c}`);
  }
}
