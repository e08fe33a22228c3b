import { type z } from 'zod';
import type { ProfileView, profileSaveRequestSchema } from '../../shared/ipc-contract';
import { problem } from '../../shared/problem';
import type { ProfileDraft } from '../../shared/profile';
import { validateProfileDraft } from '../../shared/profile-validation';
import { ProblemError } from '../../core/problem-error';
import { secretKeys } from '../../core/secrets/secret-keys';
import { SecretStoreError } from '../../core/secrets/secret-store';
import type { HandlerPorts } from './ports';

type SaveRequest = z.output<typeof profileSaveRequestSchema>;

export async function viewOf(ports: HandlerPorts, id: string): Promise<ProfileView> {
  const profile = await ports.profiles.get(id);
  if (!profile) {
    throw new ProblemError(
      problem({
        code: 'PROFILE_NOT_FOUND',
        title: 'The profile no longer exists',
        explanation: 'It was deleted, perhaps in another window.',
        fixSteps: ['Go back to the start screen and pick another profile, or create a new one.'],
      }),
    );
  }
  // A damaged entry counts as missing here, so the form asks for the secret again (11.5).
  const has = (key: string) =>
    ports.secrets.get(key).then(
      (v) => v !== null,
      (e: unknown) => {
        if (e instanceof SecretStoreError && e.reason === 'corrupt') return false;
        throw e;
      },
    );
  return {
    profile,
    stored: {
      clientSecret: await has(secretKeys.clientSecret(id)),
      certificate: await has(secretKeys.certificateKey(id)),
      refreshToken: await has(secretKeys.refreshToken(id)),
    },
  };
}

const invalid = (message: string, field: string) =>
  new ProblemError(
    problem({
      code: 'PROFILE_INVALID',
      title: 'Some details need fixing',
      explanation: message,
      fixSteps: ['Correct the field named above and save again.'],
      field,
    }),
  );

/**
 * Creates or updates a profile. The window validated as the user typed; main checks again
 * (the window is not trusted) and turns the credential choice into stored facts: a new
 * certificate's thumbprints come from the file, an unchanged one from the saved profile.
 */
export async function saveProfile(ports: HandlerPorts, req: SaveRequest): Promise<ProfileView> {
  const old = req.id ? (await viewOf(ports, req.id)).profile : undefined;
  const newCertificate = req.secrets.certificatePem !== undefined || req.secrets.pfxBase64 !== undefined;
  let credential: ProfileDraft['credential'];
  if (req.draft.credential.kind !== 'certificate') credential = req.draft.credential;
  else if (newCertificate)
    credential = { kind: 'none' }; // replaced by the store with the file's facts
  else if (old?.credential.kind === 'certificate') credential = old.credential;
  else
    throw invalid(
      'Certificate: choose the certificate file (PEM or PFX) whose public part you uploaded under Certificates & secrets.',
      'certificate',
    );

  const draft: ProfileDraft = { ...req.draft, credential };
  const secretsForCheck =
    req.draft.credential.kind === 'secret' && req.secrets.clientSecret === undefined && req.id
      ? {} // keeping the stored secret
      : req.secrets;
  // A new certificate is checked by the store when it reads the file; the rest is checked here.
  const { credential: _pending, ...withoutCredential } = draft;
  const firstError = validateProfileDraft(newCertificate ? withoutCredential : draft, secretsForCheck).find(
    (i) => i.severity === 'error',
  );
  if (firstError) throw invalid(firstError.message, firstError.field);

  const saved = req.id
    ? await ports.profiles.update(req.id, draft, req.secrets)
    : await ports.profiles.create(draft, req.secrets);
  try {
    return await viewOf(ports, saved.id);
  } catch (e) {
    // The profile is saved (a public client needs no keychain): a keychain that cannot be read
    // now must not report the save as failed, or the user's retry would save it twice.
    if (e instanceof SecretStoreError)
      return { profile: saved, stored: { clientSecret: false, certificate: false, refreshToken: false } };
    throw e;
  }
}
