import { type z } from 'zod';
import type {
  RegistrationOutcome,
  RegistrationRemoved,
  registrationRunRequestSchema,
  registrationStartRequestSchema,
} from '../../shared/ipc-contract';
import type { ProfileView } from '../../shared/ipc-contract';
import type { Profile } from '../../shared/profile';
import { exchangeCommandsFor } from '../../core/registration/exchange-commands';
import { resolveNetwork } from '../../core/net/resolve-network';
import { signInAdmin } from '../../core/registration/admin-session';
import { removeRegistration } from '../../core/registration/remove-registration';
import { notCreatedByApp, runRegistration } from '../../core/registration/run-registration';
import type { RegistrationDeps } from '../../core/registration/run-context';
import { startRegistration } from '../../core/registration/start-registration';
import type { HandlerContext } from '../ipc/handler-map';
import type { AdminSessions } from './admin-sessions';
import type { Operations } from './operations';
import type { HandlerPorts } from './ports';
import { viewOf } from './profiles';

type StartRequest = z.output<typeof registrationStartRequestSchema>;
type RunRequest = z.output<typeof registrationRunRequestSchema>;

/**
 * "Create it for me" for the window. The administrator's sign-in is kept in this process's
 * memory only, per set-up (`sessions`), so Continue, Remove and Exchange's part need no second
 * sign-in while a new set-up always shows who signs in; `end` forgets it when the set-up is closed
 * or finished. The window never receives a token, a secret or a key.
 */
export function createRegistrationHandlers(ports: HandlerPorts, operations: Operations, sessions: AdminSessions) {
  const deps: RegistrationDeps = {
    secrets: ports.secrets,
    profiles: ports.profiles,
    ...(ports.now ? { now: ports.now } : {}),
  };

  async function session(
    p: Profile,
    req: { method: RunRequest['method']; newSignIn: boolean; operationId: string },
    ctx: HandlerContext,
    signal: AbortSignal,
  ) {
    const key = p.id;
    const kept = sessions.get(key);
    if (kept && !req.newSignIn) return kept;
    sessions.end(key);
    const say = (stage: string, message: string, extra: { userCode?: string; verificationUri?: string } = {}) =>
      ctx.progress({ operationId: req.operationId, stage, message, ...extra });
    say(
      'sign-in',
      req.method === 'device-code'
        ? 'Asking Entra ID for a sign-in code for the administrator…'
        : req.method === 'embedded'
          ? 'Sign in as an administrator in the window that opened…'
          : 'Sign in as an administrator in your web browser, then come back here…',
    );
    const fresh = await signInAdmin(ports.secrets, {
      cloud: p.cloud,
      customAuthorityHost: p.customAuthorityHost,
      tenant: p.registration?.tenantId ?? p.tenant,
      clientId: p.registration?.adminClientId ?? '',
      network: await resolveNetwork(p, ports.secrets),
      method: req.method,
      loginWindow: ports.loginWindow,
      systemBrowser: { openExternal: ports.openExternal },
      onDeviceCode: (info) =>
        say('device-code', info.message, { userCode: info.userCode, verificationUri: info.verificationUri }),
      signal,
      ...(req.newSignIn ? { prompt: 'select_account' as const } : {}),
    });
    sessions.keep(key, fresh);
    return fresh;
  }

  const start = async (req: StartRequest): Promise<ProfileView> => {
    const settings = await ports.settings.get();
    const saved = await startRegistration(deps, {
      ...(req.profileId ? { profileId: req.profileId } : {}),
      name: req.name,
      targetId: req.targetId,
      mailbox: req.mailbox,
      cloud: req.cloud,
      customAuthorityHost: req.customAuthorityHost,
      network: { proxyUrl: '', extraCaPem: req.extraCaPem, timeoutMs: 30_000 },
      ...(req.smtpHost ? { smtpHost: req.smtpHost } : {}),
      ...(req.smtpPort !== undefined ? { smtpPort: req.smtpPort } : {}),
      options: req.options,
    });
    // The sign-in app and the cloud chosen here are what the next set-up starts with.
    await ports.settings.save({
      ...settings,
      newSetup: {
        ...settings.newSetup,
        cloud: req.cloud,
        customAuthorityHost: req.customAuthorityHost,
        customGraphHost: req.options.customGraphHost,
        extraCaPem: req.extraCaPem,
        adminClientId: req.options.adminClientId,
      },
    });
    return viewOf(ports, saved.id);
  };

  const run = async (req: RunRequest, ctx: HandlerContext): Promise<RegistrationOutcome> => {
    const { profile } = await viewOf(ports, req.profileId);
    if (!profile.registration) throw notCreatedByApp();
    return operations.run(req.operationId, ctx.signal, async (signal) => {
      const admin = await session(profile, req, ctx, signal);
      const done = await runRegistration(profile.id, deps, {
        session: admin,
        signal,
        onProgress: (p) =>
          ctx.progress({
            operationId: req.operationId,
            stage: p.stage,
            message: p.message,
            ...(p.fraction !== undefined ? { fraction: p.fraction } : {}),
          }),
      });
      return { view: await viewOf(ports, done.id), exchangeCommands: exchangeCommandsFor(done) };
    });
  };

  const remove = async (req: Omit<RunRequest, 'newSignIn'>, ctx: HandlerContext): Promise<RegistrationRemoved> => {
    const { profile } = await viewOf(ports, req.profileId);
    if (!profile.registration) throw notCreatedByApp();
    return operations.run(req.operationId, ctx.signal, async (signal) => {
      const admin = await session(profile, { ...req, newSignIn: false }, ctx, signal);
      ctx.progress({
        operationId: req.operationId,
        stage: 'remove',
        message: `Removing “${profile.registration?.appName}”…`,
      });
      const removed = await removeRegistration(profile.id, deps, { session: admin, signal });
      sessions.end(profile.id);
      return removed;
    });
  };

  /** The set-up was closed or finished: its administrator sign-in ends with it. */
  const end = async (req: { profileId: string }): Promise<{ readonly ended: boolean }> => ({
    ended: sessions.end(req.profileId),
  });

  return { start, run, remove, end };
}
