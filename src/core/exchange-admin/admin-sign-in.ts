import type { AdminTokenSource } from './admin-token';
import type { TokenOutcome } from '../oauth/token-outcome';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { exchangeAdminEndpoint } from '../../shared/clouds';
import type { NetworkSettings, Profile } from '../../shared/profile';
import { problem } from '../../shared/problem';
import { ProblemError } from '../problem-error';

/**
 * The Exchange admin's sign-in, by device code (CLI) or the sign-in window (app). Its token cache is
 * an in-memory store thrown away with the source: nothing of the admin's sign-in reaches the keychain
 * or a file. The default client is the one Exchange Online PowerShell itself signs in with
 * (reference §14.1.3); it is a public client with http://localhost as its redirect.
 */
export const EXO_MODULE_CLIENT_ID = 'fb78d390-0c51-40cd-8e17-fdbfab77341b';

export interface AdminSignInRequest {
  readonly profile: Profile;
  /** The profile's network with the proxy password put back (resolveNetwork). */
  readonly network: NetworkSettings;
  readonly clientId?: string;
  /** One sign-in of `admin` (a public-client profile for the Exchange admin resource) with `secrets` as its cache. */
  readonly signIn: (admin: Profile, secrets: SecretStore, signal?: AbortSignal) => Promise<TokenOutcome>;
}

export function adminTokenSource(r: AdminSignInRequest): AdminTokenSource {
  let signedIn: Promise<{ accessToken: string; account: { upn: string; tenantId: string } }> | undefined;
  const { resource } = exchangeAdminEndpoint(r.profile.cloud, r.profile.customAuthorityHost);
  const admin: Profile = {
    ...r.profile,
    id: 'exchange-admin-sign-in',
    flow: 'delegated',
    clientId: r.clientId?.trim() || EXO_MODULE_CLIENT_ID,
    credential: { kind: 'none' },
    scopes: [`${resource}/.default`],
    redirectUri: 'http://localhost',
    network: r.network,
    mailbox: '',
    fromAddress: '',
  };
  const signIn = async (signal?: AbortSignal) => {
    const out = await r.signIn(admin, new MemorySecretStore(), signal);
    const claims = out.inspection.kind === 'jwt' ? out.inspection.claims : undefined;
    const upn = claims?.user ?? out.account;
    if (!upn || !claims?.tid)
      throw new ProblemError(
        problem({
          code: 'EXCHANGE_ADMIN_TOKEN_REFUSED',
          title: 'The admin sign-in gave no usable Exchange token',
          explanation:
            'The token from the admin sign-in does not name the admin and the organisation, which Exchange needs.',
          fixSteps: [
            'Sign in with a work account of the organisation, or run the commands in Exchange Online PowerShell.',
          ],
        }),
      );
    return { accessToken: out.accessToken, account: { upn, tenantId: claims.tid } };
  };
  return {
    tokenFor(asked, signal) {
      if (asked !== resource) throw new Error(`unexpected resource ${asked}`);
      // A failed or cancelled sign-in is not kept: the next Fix it asks again.
      signedIn ??= signIn(signal).catch((e: unknown) => {
        signedIn = undefined;
        throw e;
      });
      return signedIn;
    },
  };
}
