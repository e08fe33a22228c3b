import { clouds, defaultSmtpHost } from '../../shared/clouds';
import { isPlausibleMailbox } from '../../shared/mailbox-address';
import { problem } from '../../shared/problem';
import type { CloudId, NetworkSettings, Profile, ProfileDraft, TargetId } from '../../shared/profile';
import type { RegistrationOptions, RegistrationRecord } from '../../shared/registration';
import { registrationPlan } from '../../shared/registration-plan';
import { targetPreset } from '../../shared/targets';
import { ProblemError } from '../problem-error';
import { adminClientIdOf } from './admin-session';
import { needsOwnAdminClient } from './registration-problems';
import { patchProfile, profileGone, type RegistrationDeps } from './run-context';

/**
 * Before anything is created in Entra, the profile exists with its registration record: a
 * failure, a Cancel or a closed app then leave a profile that says what is still to do, and
 * Continue picks it up. Choices may change while nothing depends on them (the credential kind
 * until the credential exists).
 */
export interface RegistrationStart {
  /** Continue or adjust the set-up of this profile; absent: a new profile. */
  readonly profileId?: string;
  readonly name: string;
  readonly targetId: TargetId;
  readonly mailbox: string;
  readonly cloud: CloudId;
  readonly customAuthorityHost: string;
  readonly network: NetworkSettings;
  /** Default: the cloud's SMTP host. */
  readonly smtpHost?: string;
  readonly smtpPort?: number;
  readonly options: RegistrationOptions;
}

const invalid = (field: string, message: string) =>
  new ProblemError(
    problem({
      code: 'PROFILE_INVALID',
      title: 'Some details need fixing',
      explanation: message,
      fixSteps: ['Correct the field named above and try again.'],
      field,
    }),
  );

function graphHostFor(s: RegistrationStart): string {
  const host = s.cloud === 'custom' ? s.options.customGraphHost.trim().replace(/\/+$/, '') : clouds[s.cloud].graphHost;
  if (!/^https:\/\/[^/\s]+$/.test(host)) throw new ProblemError(needsOwnAdminClient('custom-graph'));
  return host;
}

export async function startRegistration(deps: RegistrationDeps, s: RegistrationStart): Promise<Profile> {
  const mailbox = s.mailbox.trim();
  if (!s.name.trim())
    throw invalid('name', 'Profile name: give the set-up a name you will recognise, e.g. “Contoso AEM”.');
  if (!isPlausibleMailbox(mailbox))
    throw invalid('mailbox', 'Mailbox: enter the address that sends, such as noreply@contoso.com.');
  if (!clouds[s.cloud].graphCommandLineTools && !s.options.adminClientId.trim())
    throw new ProblemError(needsOwnAdminClient('china'));
  const graphHost = graphHostFor(s);
  const preset = targetPreset(s.targetId);
  const plan = registrationPlan({
    targetId: s.targetId,
    cloud: s.cloud,
    appName: s.options.appName,
    credential: s.options.credential,
    secretLifetimeMonths: s.options.secretLifetimeMonths,
    appRbac: s.options.appRbac,
  });
  const at = new Date(deps.now?.() ?? Date.now()).toISOString();
  const choices = {
    appName: s.options.appName,
    graphHost,
    adminClientId: adminClientIdOf(s.options.adminClientId),
    credentialKind: plan.credential,
    secretLifetimeMonths: s.options.secretLifetimeMonths,
    appRbac: s.options.appRbac && preset.flow === 'app-only',
  };
  const smtp = defaultSmtpHost(s.cloud, '');
  const fields = {
    name: s.name.trim(),
    cloud: s.cloud,
    customAuthorityHost: s.customAuthorityHost.trim(),
    // The admin signs in to the mailbox's organisation unless told otherwise; /organization then gives the GUID.
    tenant: s.options.tenant.trim() || (mailbox.split('@')[1] ?? ''),
    mailbox,
    fromAddress: mailbox,
    smtpHost: s.smtpHost?.trim() || smtp.host,
    smtpPort: s.smtpPort ?? smtp.port,
    network: s.network,
  };
  if (s.profileId) {
    return patchProfile(deps.profiles, s.profileId, (p) => {
      const rec = p.registration;
      if (!rec) throw profileGone();
      const next: RegistrationRecord = {
        ...rec,
        ...choices,
        // What exists decides: the app's name, cloud and credential kind cannot change under it.
        appName: rec.steps.application ? rec.appName : choices.appName,
        graphHost: rec.steps.application ? rec.graphHost : graphHost,
        credentialKind: rec.steps.credential ? rec.credentialKind : choices.credentialKind,
        appRbac: rec.steps.application ? rec.appRbac : choices.appRbac,
      };
      return {
        ...(rec.steps.application ? { name: fields.name, mailbox, fromAddress: mailbox } : fields),
        registration: next,
      };
    });
  }
  const draft: ProfileDraft = {
    ...fields,
    targetId: s.targetId,
    flow: preset.flow,
    clientId: '',
    credential: { kind: 'none' },
    redirectUri: plan.platform === 'web' ? preset.redirect.defaultRedirectUri : '',
    scopes: [...plan.scopes],
    registration: { ...choices, steps: {}, startedAt: at },
  };
  return deps.profiles.create(draft);
}
