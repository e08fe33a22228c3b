import type { TokenOutcome } from '../core/oauth/token-outcome';
import type { Profile } from '../shared/profile';

/** The token's claims in plain words and the SMTP verdict; never the token itself. */
export function renderToken(profile: Profile, outcome: TokenOutcome, nowMs: number = Date.now()): string[] {
  const how =
    profile.flow === 'app-only'
      ? 'App-only token (client credentials with the app’s own credential)'
      : 'Delegated token (the stored refresh token redeemed the way the mail system will)';
  const out = [`Profile:      ${profile.name} (${profile.id})`, `Token:        ${how}`];
  const i = outcome.inspection;
  if (i.kind === 'jwt') {
    const c = i.claims;
    out.push(`For:          ${c.aud ?? 'no audience'}`);
    if (c.roles.length) out.push(`App roles:    ${c.roles.join(', ')}`);
    if (c.scp.length) out.push(`Scopes:       ${c.scp.join(', ')}`);
    out.push(`Belongs to:   ${c.user ?? (c.appId ? `the app ${c.appId}` : 'unknown')}`);
    if (c.tid) out.push(`Tenant:       ${c.tid}`);
    if (i.expiresAt) out.push(`Expires:      ${i.expiresAt} (${minutesLeft(i.expiresAt, nowMs)})`);
  } else {
    out.push('Claims:       not readable (an opaque token, as personal accounts get)');
  }
  if (outcome.account) out.push(`Signed in as: ${outcome.account}`);
  out.push(`Verdict:      ${i.verdict.fit === 'yes' ? '✓' : i.verdict.fit === 'no' ? '✗' : '?'} ${i.verdict.summary}`);
  for (const check of i.verdict.checks) out.push(`  ${check.ok ? '✓' : '✗'} ${check.message}`);
  return out;
}

function minutesLeft(iso: string, nowMs: number): string {
  const m = Math.round((Date.parse(iso) - nowMs) / 60_000);
  return m > 0 ? `in about ${m} minutes` : 'expired';
}
