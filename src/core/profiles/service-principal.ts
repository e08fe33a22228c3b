import type { Profile } from '../../shared/profile';
import type { TokenInspection } from '../../shared/token-inspection';
import type { ProfileStore } from './profile-store';

/**
 * An app-only token's `oid` is the object id of the app's service principal (the
 * Enterprise application) in that tenant: exactly what Exchange's New-ServicePrincipal
 * -ObjectId and Add-MailboxPermission -User need. Remember it on the profile when the
 * profile has none, so the checklist and exports fill it in. A typed value is never replaced.
 */
export async function rememberServicePrincipal(
  profiles: Pick<ProfileStore, 'update'>,
  profile: Profile,
  inspection: TokenInspection,
): Promise<Profile> {
  const oid = inspection.kind === 'jwt' && inspection.claims.roles.length > 0 ? inspection.claims.oid : undefined;
  if (profile.flow !== 'app-only' || !oid || profile.servicePrincipalObjectId) return profile;
  const { id, createdAt: _c, updatedAt: _u, tokenState: _t, ...draft } = profile;
  return profiles.update(id, { ...draft, servicePrincipalObjectId: oid });
}
