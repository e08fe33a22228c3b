import type { AdminTokenSource } from '../core/exchange-admin/admin-token';
import { signInWithDeviceCode, type DeviceCodeInfo } from '../core/oauth/device-code';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { exchangeAdminEndpoint } from '../shared/clouds';
import type { NetworkSettings, Profile } from '../shared/profile';
import { problem } from '../shared/problem';
import { ProblemError } from '../core/problem-error';

/**
 * The Exchange admin's device-code sign-in for `fix`, headless. Its token cache is an in-memory
 * store thrown away with the process: nothing of the admin's sign-in reaches the keychain or a file.
 * The default client is the one Exchange Online PowerShell itself signs in with (reference §14.1.3).
 */
export const EXO_MODULE_CLIENT_ID = 'fb78d390-0c51-40cd-8e17-fdbfab77341b';

export interface AdminSignInRequest {
  readonly profile: Profile;
  /** The profile's network with the proxy password put back (resolveNetwork). */
  readonly network: NetworkSettings;
  readonly clientId?: string;
  readonly onCode: (info: DeviceCodeInfo) => void;
  readonly signal?: AbortSignal;
}

export function deviceCodeAdminTokens(r: AdminSignInRequest): AdminTokenSource {
  let signedIn: Promise<{ accessToken: string; account: { upn: string; tenantId: string } }> | undefined;
  const { resource } = exchangeAdminEndpoint(r.profile.cloud, r.profile.customAuthorityHost);
  const admin: Profile = {
    ...r.profile,
    id: 'exchange-admin-sign-in',
    clientId: r.clientId?.trim() || EXO_MODULE_CLIENT_ID,
    credential: { kind: 'none' },
    scopes: [`${resource}/.default`],
    network: r.network,
    mailbox: '',
    fromAddress: '',
  };
  const signIn = async () => {
    const out = await signInWithDeviceCode(admin, {
      secrets: new MemorySecretStore(),
      onCode: r.onCode,
      ...(r.signal ? { signal: r.signal } : {}),
    });
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
    tokenFor(asked) {
      if (asked !== resource) throw new Error(`unexpected resource ${asked}`);
      signedIn ??= signIn();
      return signedIn;
    },
  };
}
