/**
 * How large each saved profile field may be, and the shape checks the schema itself makes
 * (so nothing hostile reaches the file, whatever sent it). Generous for real values: a tenant
 * domain is at most 253 characters, a corporate CA bundle a few hundred KB. Each message
 * names the field as the form labels it.
 */
export const BOUNDS = {
  name: 200,
  tenant: 256,
  clientId: 100,
  url: 2048,
  scopes: 50,
  scope: 512,
  /** RFC 5321: 64 + @ + 255. */
  address: 320,
  host: 253,
  extraCaPem: 512 * 1024,
  /** Node's timers overflow above 2^31-1 ms (about 24.8 days) and fire at once; an hour is plenty. */
  timeoutMs: 3_600_000,
  shortText: 200,
  longText: 4096,
  clientSecret: 4096,
  /** A PEM or PFX with its chain; the keychain takes 64 KB per secret anyway. */
  certificateFile: 1024 * 1024,
} as const;

export const tooLong = (label: string, max: number): string =>
  `${label}: it is too long (at most ${max.toLocaleString('en-US')} characters).`;

/** Why an extra trusted CA cannot be used, or undefined (empty, or PEM certificates). */
export function extraCaProblem(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  if (value.length > BOUNDS.extraCaPem) return tooLong('Extra trusted CA', BOUNDS.extraCaPem);
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(value))
    return 'Extra trusted CA: paste the certificate in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.';
  return undefined;
}

/** Why a timeout cannot be used, or undefined. */
export function timeoutProblem(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < 1000) return 'Timeout: enter at least 1 second.';
  if (ms > BOUNDS.timeoutMs) return `Timeout: enter at most ${BOUNDS.timeoutMs / 1000} seconds (one hour).`;
  return undefined;
}
