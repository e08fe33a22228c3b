import type { DraftForm, DraftSecrets, DraftView } from '../../shared/draft';
import type { Profile } from '../../shared/profile';
import { emptyForm, formOf, type WizardForm } from './wizard-form';

/** The form's non-secret fields, as a draft keeps them on disk. */
export function draftFormOf(form: WizardForm): DraftForm {
  const { clientSecret: _s, certificate: _c, pfxPassword: _p, stored: _st, storedCertificate: _sc, ...rest } = form;
  return rest;
}

/** The secrets typed or picked for the credential chosen now (the keychain keeps them for the draft). */
export function draftSecretsOf(form: WizardForm): DraftSecrets {
  if (form.credentialKind === 'secret') return form.clientSecret ? { clientSecret: form.clientSecret } : {};
  if (form.credentialKind === 'certificate' && form.certificate)
    return {
      certificate: form.certificate,
      ...(form.certificate.source === 'pfx' && form.pfxPassword ? { pfxPassword: form.pfxPassword } : {}),
    };
  return {};
}

/** A draft back into the form, exactly as it was typed. */
export function formOfDraft(draft: DraftView): WizardForm {
  return {
    ...emptyForm,
    ...draft.form,
    clientSecret: draft.secrets.clientSecret ?? '',
    certificate: draft.secrets.certificate,
    pfxPassword: draft.secrets.pfxPassword ?? '',
  };
}

/**
 * Has the user typed or picked anything worth keeping? Choosing a target alone is not:
 * a draft of nothing would only clutter the start screen.
 */
export function hasTypedInput(form: WizardForm): boolean {
  const typed = [
    form.name,
    form.tenant,
    form.clientId,
    form.clientSecret,
    form.secretId,
    form.mailbox,
    form.fromAddress,
    form.customAuthorityHost,
    form.proxyUrl,
    form.extraCaPem,
  ];
  return typed.some((v) => v.trim() !== '') || form.certificate !== undefined;
}

/**
 * A new set-up for another client from a saved profile: the target, cloud, scopes,
 * redirect URI, SMTP server and network settings come along; the name, tenant, client ID,
 * mailbox and every secret do not (they belong to the other client).
 */
export function formForAnotherClient(profile: Profile): WizardForm {
  const from = formOf(profile, { clientSecret: false, certificate: false });
  return {
    ...from,
    name: '',
    tenant: '',
    clientId: '',
    credentialKind: from.credentialKind === 'certificate' ? 'certificate' : 'secret',
    secretId: '',
    secretExpiresOn: '',
    mailbox: '',
    fromAddress: '',
    storedCertificate: undefined,
  };
}
