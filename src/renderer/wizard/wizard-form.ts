import { defaultSmtpHost } from '../../shared/clouds';
import type {
  CloudId,
  CredentialInfo,
  Profile,
  ProfileDraft,
  ProfileSecretsInput,
  TargetId,
} from '../../shared/profile';
import { targetSendsSecret } from '../../shared/public-client';
import type { CredentialChoice } from '../../shared/ipc-contract';
import { defaultScopesFor, targetPreset } from '../../shared/targets';

/** A certificate file the user picked: its text (PEM) or base64 (PFX), held only in memory. */
export interface PickedCertificate {
  readonly fileName: string;
  readonly source: 'pem' | 'pfx';
  readonly content: string;
}

/**
 * Everything the user types in the wizard, as typed (strings), so going back or failing
 * never loses or reformats a value. Converted to a ProfileDraft only when sent to main.
 */
export interface WizardForm {
  readonly name: string;
  readonly targetId: TargetId | undefined;
  readonly cloud: CloudId;
  readonly customAuthorityHost: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly credentialKind: 'secret' | 'certificate' | 'none';
  /** Typed this session; empty means "keep the stored one" when `stored.clientSecret`. */
  readonly clientSecret: string;
  readonly secretId: string;
  readonly secretExpiresOn: string;
  readonly certificate: PickedCertificate | undefined;
  readonly pfxPassword: string;
  readonly redirectUri: string;
  /** One scope per line (or separated by spaces). */
  readonly scopes: string;
  readonly mailbox: string;
  readonly fromAddress: string;
  readonly smtpHost: string;
  readonly smtpPort: string;
  readonly proxyUrl: string;
  readonly extraCaPem: string;
  readonly timeoutSeconds: string;
  /** App-only: the Enterprise application's object id (optional; fills the Exchange commands). */
  readonly servicePrincipalObjectId: string;
  /** What the keychain already holds for a saved profile (values never come to the window). */
  readonly stored: { readonly clientSecret: boolean; readonly certificate: boolean };
  /** The saved profile's certificate facts, shown until a new file is picked. */
  readonly storedCertificate: Extract<CredentialInfo, { kind: 'certificate' }> | undefined;
}

export const emptyForm: WizardForm = {
  name: '',
  targetId: undefined,
  cloud: 'global',
  customAuthorityHost: '',
  tenant: '',
  clientId: '',
  credentialKind: 'secret',
  clientSecret: '',
  secretId: '',
  secretExpiresOn: '',
  certificate: undefined,
  pfxPassword: '',
  redirectUri: '',
  scopes: '',
  mailbox: '',
  fromAddress: '',
  smtpHost: '',
  smtpPort: '587',
  proxyUrl: '',
  extraCaPem: '',
  timeoutSeconds: '30',
  servicePrincipalObjectId: '',
  stored: { clientSecret: false, certificate: false },
  storedCertificate: undefined,
};

/** Picking a target fills in its preset (flow, scopes, redirect URI, SMTP host) but keeps what was typed. */
export function withTarget(form: WizardForm, targetId: TargetId): WizardForm {
  if (form.targetId === targetId) return form;
  const preset = targetPreset(targetId);
  const smtp = defaultSmtpHost(form.cloud, form.tenant);
  return {
    ...form,
    targetId,
    // App-only needs a credential; delegated keeps a public-client choice (only where the target
    // refreshes without a secret) but has no certificate option.
    credentialKind:
      preset.flow === 'app-only'
        ? form.credentialKind === 'none'
          ? 'secret'
          : form.credentialKind
        : form.credentialKind === 'none' && !targetSendsSecret(targetId)
          ? 'none'
          : 'secret',
    scopes: defaultScopesFor(targetId, form.cloud).join('\n'),
    redirectUri: preset.redirect.defaultRedirectUri,
    smtpHost: form.smtpHost || smtp.host,
    smtpPort: form.smtpPort || String(smtp.port),
  };
}

/**
 * Switching the cloud moves the scopes and SMTP host to that cloud's resources, unless
 * the user already changed them from the defaults.
 */
export function withCloud(form: WizardForm, cloud: CloudId): WizardForm {
  if (cloud === form.cloud) return form;
  const oldHost = defaultSmtpHost(form.cloud, form.tenant);
  const newHost = defaultSmtpHost(cloud, form.tenant);
  const scopesUntouched =
    form.targetId !== undefined &&
    splitScopes(form.scopes).join(' ') === defaultScopesFor(form.targetId, form.cloud).join(' ');
  return {
    ...form,
    cloud,
    ...(scopesUntouched && form.targetId ? { scopes: defaultScopesFor(form.targetId, cloud).join('\n') } : {}),
    ...(form.smtpHost.trim() === oldHost.host || form.smtpHost.trim() === ''
      ? { smtpHost: newHost.host, smtpPort: String(newHost.port) }
      : {}),
  };
}

export const flowOf = (form: WizardForm) => (form.targetId ? targetPreset(form.targetId).flow : 'delegated');

export const splitScopes = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The credential facts main needs; a certificate's thumbprints are computed in main from the file. */
export function credentialOf(form: WizardForm): CredentialChoice {
  if (form.credentialKind === 'none') return { kind: 'none' };
  if (form.credentialKind === 'certificate') return { kind: 'certificate' };
  return {
    kind: 'secret',
    ...(form.secretId.trim() ? { secretId: form.secretId.trim() } : {}),
    ...(form.secretExpiresOn ? { expiresOn: form.secretExpiresOn } : {}),
  };
}

/** The draft as validation sees it (certificate facts come from main, so it is checked as "has a credential"). */
export function draftOf(form: WizardForm): Omit<ProfileDraft, 'credential'> & { credential: CredentialChoice } {
  const scopes = splitScopes(form.scopes);
  return {
    name: form.name.trim() || 'Untitled profile',
    targetId: form.targetId ?? 'generic',
    flow: flowOf(form),
    cloud: form.cloud,
    customAuthorityHost: form.customAuthorityHost.trim(),
    tenant: form.tenant.trim(),
    clientId: form.clientId.trim(),
    credential: credentialOf(form),
    redirectUri: flowOf(form) === 'app-only' ? '' : form.redirectUri.trim(),
    scopes,
    mailbox: form.mailbox.trim(),
    fromAddress: form.fromAddress.trim() || form.mailbox.trim(),
    smtpHost: form.smtpHost.trim(),
    smtpPort: Number.parseInt(form.smtpPort, 10) || 0,
    network: {
      proxyUrl: form.proxyUrl.trim(),
      extraCaPem: form.extraCaPem,
      timeoutMs: Math.max(1, Number.parseFloat(form.timeoutSeconds) || 30) * 1000,
    },
    ...(flowOf(form) === 'app-only' && form.servicePrincipalObjectId.trim()
      ? { servicePrincipalObjectId: form.servicePrincipalObjectId.trim() }
      : {}),
  };
}

/** Only what was typed or picked this session goes to the keychain; the rest stays as stored. */
export function secretsOf(form: WizardForm): ProfileSecretsInput {
  if (form.credentialKind === 'secret')
    return form.clientSecret !== '' || !form.stored.clientSecret ? { clientSecret: form.clientSecret } : {};
  if (form.credentialKind === 'certificate' && form.certificate) {
    return form.certificate.source === 'pem'
      ? { certificatePem: form.certificate.content }
      : { pfxBase64: form.certificate.content, pfxPassword: form.pfxPassword };
  }
  return {};
}

/** A saved profile back into the form (secret values stay in the keychain). */
export function formOf(profile: Profile, stored: WizardForm['stored']): WizardForm {
  const cred = profile.credential;
  return {
    ...emptyForm,
    name: profile.name,
    targetId: profile.targetId,
    cloud: profile.cloud,
    customAuthorityHost: profile.customAuthorityHost,
    tenant: profile.tenant,
    clientId: profile.clientId,
    credentialKind: cred.kind,
    secretId: cred.kind === 'secret' ? (cred.secretId ?? '') : '',
    secretExpiresOn: cred.kind === 'secret' ? (cred.expiresOn ?? '').slice(0, 10) : '',
    redirectUri: profile.redirectUri,
    scopes: profile.scopes.join('\n'),
    mailbox: profile.mailbox,
    fromAddress: profile.fromAddress === profile.mailbox ? '' : profile.fromAddress,
    smtpHost: profile.smtpHost,
    smtpPort: String(profile.smtpPort),
    proxyUrl: profile.network.proxyUrl,
    extraCaPem: profile.network.extraCaPem,
    timeoutSeconds: String(profile.network.timeoutMs / 1000),
    servicePrincipalObjectId: profile.servicePrincipalObjectId ?? '',
    stored,
    storedCertificate: cred.kind === 'certificate' ? cred : undefined,
  };
}
