import { inspectAppAccess, planAppAccess, type AppAccessRequest } from '../../core/exchange-admin/give-access';
import { preparePlan } from '../../core/exchange-admin/prepare';
import { checkSmtpAuth, planEnableSmtpAuth } from '../../core/exchange-admin/smtp-auth';
import { profileRef } from '../acquire';
import { resolveProfile, type CliContext } from '../cli-context';
import { line } from '../cli-io';
import { EXIT, type ExitCode } from '../exit-codes';
import {
  checkProfile,
  cliExchangeAdmin,
  jsonSink,
  showAndApply,
  type ExchangeFlags,
  type ExchangeRunContext,
} from '../exchange-run';
import { renderPlan } from '../render-plan';
import { renderProblem } from '../render-problem';

export interface GiveAccessFlags extends ExchangeFlags {
  /** App-only with App RBAC scoped to this mail-enabled group instead of Full Access on the mailbox. */
  readonly group?: string;
}

export interface GiveAccessContext extends ExchangeRunContext {
  /** The Enterprise application object ID the registration recorded, for when the token is not there yet. */
  readonly servicePrincipalObjectId?: string;
}

/**
 * `give-access <profile>`: Exchange's part of a set-up, headless. App-only: register the app's service
 * principal in Exchange (with the Enterprise application object ID from its own token) and give it
 * Full Access to the mailbox, or an App RBAC scope over --group. Delegated: read SMTP AUTH for the
 * mailbox and switch it on for that mailbox only. The admin signs in by device code, Exchange is
 * read first so only what is missing runs, and SMTP is checked again afterwards. `register --exchange`
 * calls it in its own process with its admin sign-in (`o.session`) and one JSON document (`o.emit`).
 */
export async function giveAccessCommand(
  ctx: CliContext,
  ref: string | undefined,
  flags: GiveAccessFlags,
  o?: GiveAccessContext,
): Promise<ExitCode> {
  const profile = await resolveProfile(ctx, ref);
  const out = (l: string) => line(ctx.io.stdout, l);
  const emit = jsonSink(ctx, o);
  const now = await checkProfile(ctx, profile);
  // The token's oid is the truth; the registration's record stands in while Entra replicates.
  const servicePrincipalObjectId = now.servicePrincipalObjectId ?? o?.servicePrincipalObjectId;
  if (profile.flow === 'app-only' && !servicePrincipalObjectId) {
    // Without its token the app does not know its Enterprise application object ID.
    if (ctx.json)
      await emit({
        ok: false,
        profile: profileRef(profile),
        fixed: false,
        ...(now.problem ? { problem: now.problem } : {}),
      });
    else
      for (const l of [
        'The app-only token is needed first: it names the object ID Exchange needs.',
        '',
        ...(now.problem ? renderProblem(now.problem) : []),
      ])
        await out(l);
    return EXIT.checkFailed;
  }
  const admin = await cliExchangeAdmin(ctx, profile, flags, o?.session);
  const prepared =
    profile.flow === 'app-only'
      ? await (() => {
          const req: AppAccessRequest = {
            cloud: profile.cloud,
            appId: profile.clientId.trim(),
            servicePrincipalObjectId: servicePrincipalObjectId ?? '',
            displayName: profile.name,
            mailbox: profile.mailbox,
            ...(profile.fromAddress && profile.fromAddress !== profile.mailbox
              ? { fromAddress: profile.fromAddress }
              : {}),
            model: flags.group ? { kind: 'rbac-group', group: flags.group } : { kind: 'mailbox-permission' },
            tokenHasSendAsAppRole: now.sendAsAppRole ?? false,
          };
          return preparePlan(
            admin,
            () => inspectAppAccess(admin, req),
            (state, upn) => planAppAccess(req, state, upn),
          );
        })()
      : await preparePlan(
          admin,
          () => checkSmtpAuth(admin, profile.mailbox),
          (state, upn) => planEnableSmtpAuth(profile.cloud, profile.mailbox, state, upn),
        );
  if (!prepared.ok) {
    if (ctx.json)
      await emit({
        ok: false,
        profile: profileRef(profile),
        fixed: false,
        plan: prepared.plan,
        problem: prepared.problem,
      });
    else for (const l of [...renderPlan(prepared.plan), '', ...renderProblem(prepared.problem)]) await out(l);
    return EXIT.checkFailed;
  }
  return showAndApply(ctx, profile, prepared.plan, admin, flags, o);
}
