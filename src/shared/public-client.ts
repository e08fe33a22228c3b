import type { TargetId } from './profile';

/**
 * Facts about public clients (no secret, no certificate) that the Details and Sign-in
 * steps show and core's device code flow repeats in its diagnosis. Kept here, not in
 * core, because the window needs the same words.
 */
export const deviceCodeLimits: readonly string[] = [
  'The app registration must allow public client flows (Authentication → Advanced settings → “Allow public client flows”: Yes).',
  'The refresh token belongs to a public client: a mail system that sends a client secret when it refreshes (AEM, Onit and most server products) cannot use it; Entra answers AADSTS700025. Use the sign-in window with the app’s secret for those.',
  'Conditional Access may block device code sign-in (authentication flows policy); then sign in on this computer instead.',
];

/**
 * Targets whose own refresh request always carries a client secret (their set-up guides
 * make the secret a required field), so a public client's refresh token fails there.
 */
const SENDS_SECRET_ON_REFRESH: ReadonlySet<TargetId> = new Set<TargetId>(['aem', 'onit', 'emailengine', 'akumina']);

export const targetSendsSecret = (targetId: TargetId): boolean => SENDS_SECRET_ON_REFRESH.has(targetId);
