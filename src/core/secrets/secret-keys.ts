/**
 * The names secrets are stored under, all scoped by profile id. They are a closed set:
 * the keychain is never listed, so deleting a profile deletes exactly these names
 * (`profileSecretNames`), and a new kind of secret must be added here.
 */
export const profilePrefix = (profileId: string): string => `profile/${profileId}/`;

export const secretKeys = {
  clientSecret: (profileId: string) => `${profilePrefix(profileId)}client-secret`,
  /** PEM private key (PFX files are converted at import; the PFX password is not kept). */
  certificateKey: (profileId: string) => `${profilePrefix(profileId)}certificate-key`,
  /** PEM certificate that goes with the key (public, but kept beside it). */
  certificatePem: (profileId: string) => `${profilePrefix(profileId)}certificate-pem`,
  /** The refresh token captured at sign-in; what the target system will redeem. */
  refreshToken: (profileId: string) => `${profilePrefix(profileId)}refresh-token`,
  /**
   * Written by earlier versions: MSAL's whole serialized cache (access, ID and refresh token),
   * never read back. Only deleted now (sign-in, profile deletion, the one-time migration).
   */
  legacyTokenCache: (profileId: string) => `${profilePrefix(profileId)}token-cache`,
  /** The password of the profile's proxy address; the file keeps `http://user@host:port`. */
  proxyPassword: (profileId: string) => `${profilePrefix(profileId)}proxy-password`,
} as const;

/** Every name a profile's secrets may be stored under, for deleting them all. */
export const profileSecretNames = (profileId: string): readonly string[] =>
  Object.values(secretKeys).map((name) => name(profileId));
