import { isPlausibleMailbox } from '../../../shared/mailbox-address';
import type { CloudId, TargetId } from '../../../shared/profile';
import type { RegistrationCredential } from '../../../shared/registration';
import { defaultAppName } from '../../../shared/registration-plan';
import type { NewSetupDefaults } from '../../../shared/settings';
import { targetPreset } from '../../../shared/targets';
import type { RequestOf } from '../../../shared/ipc-contract';

/** What the admin chooses before "Create it for me" runs, as typed (strings), so nothing is lost. */
export interface RegistrationForm {
  readonly name: string;
  /** Until the user types a name of their own, it follows the mailbox. */
  readonly nameTouched: boolean;
  readonly mailbox: string;
  readonly credential: RegistrationCredential;
  readonly secretLifetimeMonths: number;
  readonly appName: string;
  readonly appNameTouched: boolean;
  readonly adminClientId: string;
  readonly tenant: string;
  readonly cloud: CloudId;
  readonly customAuthorityHost: string;
  readonly customGraphHost: string;
  readonly extraCaPem: string;
  readonly smtpHost: string;
  readonly smtpPort: string;
  readonly method: 'embedded' | 'system-browser' | 'device-code';
}

export function initialRegistrationForm(targetId: TargetId, mailbox: string, d: NewSetupDefaults): RegistrationForm {
  const label = targetPreset(targetId).label;
  return {
    name: mailbox ? `${label} – ${mailbox}` : '',
    nameTouched: false,
    mailbox,
    credential: 'secret',
    secretLifetimeMonths: 12,
    appName: defaultAppName(label, mailbox),
    appNameTouched: false,
    adminClientId: d.adminClientId,
    tenant: '',
    cloud: d.cloud,
    customAuthorityHost: d.customAuthorityHost,
    customGraphHost: d.customGraphHost,
    extraCaPem: d.extraCaPem,
    smtpHost: d.smtpHost,
    smtpPort: d.smtpPort === undefined ? '' : String(d.smtpPort),
    method: 'embedded',
  };
}

/** A change, keeping the derived names in step with the mailbox until the user edits them. */
export function updateRegistrationForm(
  form: RegistrationForm,
  targetId: TargetId,
  patch: Partial<RegistrationForm>,
): RegistrationForm {
  const next = { ...form, ...patch };
  const label = targetPreset(targetId).label;
  const nameTouched = form.nameTouched || patch.name !== undefined;
  const appNameTouched = form.appNameTouched || patch.appName !== undefined;
  return {
    ...next,
    nameTouched,
    appNameTouched,
    name: nameTouched ? next.name : next.mailbox.trim() ? `${label} – ${next.mailbox.trim()}` : '',
    appName: appNameTouched ? next.appName : defaultAppName(label, next.mailbox),
  };
}

export interface RegistrationFormIssue {
  readonly field: string;
  readonly message: string;
}

export function registrationFormIssues(f: RegistrationForm): RegistrationFormIssue[] {
  const issues: RegistrationFormIssue[] = [];
  if (!isPlausibleMailbox(f.mailbox.trim()))
    issues.push({ field: 'reg-mailbox', message: 'Enter the mailbox that sends, such as noreply@contoso.com.' });
  if (!f.name.trim()) issues.push({ field: 'reg-name', message: 'Give the set-up a name you will recognise.' });
  if (!f.appName.trim()) issues.push({ field: 'reg-app-name', message: 'The app registration needs a name.' });
  if (
    f.adminClientId.trim() &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(f.adminClientId.trim())
  )
    issues.push({
      field: 'reg-admin-client',
      message: 'A client ID is a GUID like 14d82eec-204b-4c2f-b7e8-296a70dab67e.',
    });
  if (f.cloud === 'custom') {
    if (!/^https:\/\/\S+$/.test(f.customAuthorityHost.trim()))
      issues.push({ field: 'reg-authority', message: 'Enter the authority host as https://host.' });
    if (!/^https:\/\/\S+$/.test(f.customGraphHost.trim()))
      issues.push({ field: 'reg-graph', message: 'Enter the Microsoft Graph host as https://host.' });
  }
  if (f.smtpPort.trim() && !/^\d{1,5}$/.test(f.smtpPort.trim()))
    issues.push({ field: 'reg-smtp-port', message: 'The SMTP port is a number, usually 587.' });
  return issues;
}

export function startRequestOf(
  f: RegistrationForm,
  targetId: TargetId,
  profileId: string | undefined,
): RequestOf<'registration:start'> {
  return {
    ...(profileId ? { profileId } : {}),
    name: f.name.trim(),
    targetId,
    mailbox: f.mailbox.trim(),
    cloud: f.cloud,
    customAuthorityHost: f.cloud === 'custom' ? f.customAuthorityHost.trim() : '',
    extraCaPem: f.extraCaPem,
    smtpHost: f.smtpHost.trim(),
    ...(f.smtpPort.trim() ? { smtpPort: Number(f.smtpPort.trim()) } : {}),
    options: {
      appName: f.appName.trim(),
      credential: f.credential,
      secretLifetimeMonths: f.secretLifetimeMonths,
      adminClientId: f.adminClientId.trim(),
      tenant: f.tenant.trim(),
      customGraphHost: f.cloud === 'custom' ? f.customGraphHost.trim() : '',
    },
  };
}
