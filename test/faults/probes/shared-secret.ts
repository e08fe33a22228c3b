/** The one key two processes fight over in the 11.11 scenario, and what each writes to it. */
export const KEY = 'profile/shared/certificate-key';
/** Too large for one keychain entry once base64-encoded, so it is chunked. */
export const valueOf = (label: string, i: number): string => `${label}:${i}:`.padEnd(6000, label);
