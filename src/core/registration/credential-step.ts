import { X509Certificate } from 'node:crypto';
import { secretKeys } from '../secrets/secret-keys';
import { generateCertificate } from './generate-certificate';
import { markDone, stepDone, type RunContext } from './run-context';

/**
 * Step 2, the credential. A client secret comes from addPassword (reference §13.3.3) and goes
 * straight into the keychain: it is never shown or returned, its id and expiry go on the profile
 * for the lifecycle warning. A certificate is made here, its private key stored in the keychain
 * before anything is uploaded, and only the public certificate is added to keyCredentials
 * (keeping the ones already there, since PATCH replaces the collection).
 */
export async function credentialStep(ctx: RunContext): Promise<void> {
  if (stepDone(ctx, 'credential')) return;
  const rec = ctx.record();
  const objectId = rec.applicationObjectId ?? '';
  if (rec.credentialKind === 'secret') {
    ctx.progress({
      stage: 'credential',
      message: 'Adding a client secret (it goes straight to the keychain)…',
      fraction: 0.4,
    });
    const endDate = new Date(ctx.deps.now?.() ?? Date.now());
    endDate.setUTCMonth(endDate.getUTCMonth() + rec.secretLifetimeMonths);
    const end = endDate.toISOString();
    const pw = await ctx.calls.addPassword(objectId, `SMTP OAuth Wizard ${ctx.nowIso().slice(0, 10)}`, end);
    await ctx.save(
      markDone('credential', ctx.nowIso(), `secret ${pw.keyId}`),
      { credential: { kind: 'secret', secretId: pw.keyId, expiresOn: pw.endDateTime } },
      { clientSecret: pw.secretText },
    );
    return;
  }
  ctx.progress({
    stage: 'credential',
    message: 'Making a certificate on this computer and uploading its public part…',
    fraction: 0.4,
  });
  const mine =
    ctx.profile.credential.kind === 'certificate' &&
    (await ctx.deps.secrets.get(secretKeys.certificatePem(ctx.profile.id)));
  let certificate: { derBase64: string; notBefore: Date; notAfter: Date; thumbprintSha1: string };
  if (mine && ctx.profile.credential.kind === 'certificate') {
    // Made by a run that stopped before the upload was recorded: the key is already in the keychain.
    const x = new X509Certificate(mine);
    certificate = {
      derBase64: x.raw.toString('base64'),
      notBefore: new Date(x.validFrom),
      notAfter: new Date(x.validTo),
      thumbprintSha1: ctx.profile.credential.thumbprintSha1,
    };
  } else {
    const made = generateCertificate({ commonName: rec.appName, months: Math.min(12, rec.secretLifetimeMonths) });
    await ctx.save((r) => ({ steps: r.steps }), undefined, {
      certificatePem: `${made.privateKeyPem}${made.certificatePem}`,
    });
    const stored = ctx.profile.credential;
    if (stored.kind !== 'certificate') throw new Error('the generated certificate was not stored');
    certificate = { ...made, thumbprintSha1: stored.thumbprintSha1 };
  }
  const app = await ctx.calls.application(objectId, true);
  const keys = app?.keyCredentials ?? [];
  const uploaded = keys.some(
    (k) =>
      (k.customKeyIdentifier ?? '').replace(/[^0-9a-f]/gi, '').toUpperCase() ===
      certificate.thumbprintSha1.replace(/[^0-9a-f]/gi, '').toUpperCase(),
  );
  if (!uploaded) {
    await ctx.calls.patchApplication(objectId, {
      keyCredentials: [
        ...keys,
        {
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          displayName: `CN=${rec.appName}`.slice(0, 90),
          key: certificate.derBase64,
          // Inside the certificate's validity, as Azure CLI clamps them (§13.3.2).
          startDateTime: certificate.notBefore.toISOString(),
          endDateTime: certificate.notAfter.toISOString(),
        },
      ],
    });
  }
  await ctx.save(markDone('credential', ctx.nowIso(), `certificate ${certificate.thumbprintSha1}`));
}
