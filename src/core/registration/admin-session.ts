import type { AccountInfo, AuthenticationResult } from '@azure/msal-node';
import { clouds, GRAPH_COMMAND_LINE_TOOLS } from '../../shared/clouds';
import type { CloudId, NetworkSettings, Profile } from '../../shared/profile';
import { createHttpClient } from '../net/http-client';
import { authorizationCodeGrant } from '../oauth/auth-code-grant';
import { deviceCodeGrant, type DeviceCodeInfo } from '../oauth/device-code';
import type { LoginWindowPort, SystemBrowserPort } from '../oauth/login-ports';
import { buildMsalApp, type BuiltApp } from '../oauth/msal-app';
import type { SecretStore } from '../secrets/secret-store';
import { adminSignInProblem } from './admin-sign-in-problems';

/**
 * The administrator's sign-in for "Create it for me": a public client (Microsoft Graph Command
 * Line Tools unless the admin names their own, reference §13.6), embedded window, system browser
 * or device code. Everything it gets stays in this object's memory: MSAL's in-memory cache holds
 * the tokens, nothing is written, no refresh token is stored. `token()` hands out tokens for
 * other resources of the same sign-in too (Exchange admin, later), silently.
 */
export interface AdminSession {
  /** The admin's UPN. */
  readonly account: string;
  /** The tenant the admin signed in to (`tid`). */
  readonly tenantId: string;
  readonly clientId: string;
  /** An access token for these scopes from this sign-in, in memory only. */
  token(scopes: readonly string[]): Promise<string>;
  /** Forgets the tokens and closes connections. */
  close(): void;
}

export type AdminSignInMethod = 'embedded' | 'system-browser' | 'device-code';

export interface AdminSignInOptions {
  readonly cloud: CloudId;
  readonly customAuthorityHost: string;
  /** GUID or domain of the admin's tenant; `organizations` lets the account decide. */
  readonly tenant: string;
  /** Empty: Microsoft Graph Command Line Tools. */
  readonly clientId: string;
  readonly network: NetworkSettings;
  readonly method: AdminSignInMethod;
  readonly loginWindow?: LoginWindowPort;
  readonly systemBrowser?: SystemBrowserPort;
  readonly onDeviceCode?: (info: DeviceCodeInfo) => void;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** Ask again although Entra remembers the account (another admin, after a 403). */
  readonly prompt?: 'select_account' | 'login';
  /** What the sign-in asks consent for; default the Graph permissions "Create it for me" needs. */
  readonly scopes?: readonly string[];
}

/** The delegated Graph permissions the admin's token needs (§13.1.2, §13.2.1), per cloud. */
export const adminGraphScopes = (cloud: CloudId): string[] =>
  [
    'Application.ReadWrite.All',
    'DelegatedPermissionGrant.ReadWrite.All',
    'AppRoleAssignment.ReadWrite.All',
    'Application.Read.All',
    'User.Read',
  ].map((s) => `${clouds[cloud].graphResource}/${s}`);

export const adminClientIdOf = (clientId: string): string => clientId.trim() || GRAPH_COMMAND_LINE_TOOLS;

export async function signInAdmin(secrets: SecretStore, o: AdminSignInOptions): Promise<AdminSession> {
  const clientId = adminClientIdOf(o.clientId);
  // The bootstrap client as a profile, so authority, trust and proxy are set up the one way they always are.
  const profile: Profile = {
    id: 'admin-sign-in',
    name: 'Administrator sign-in',
    targetId: 'generic',
    flow: 'delegated',
    cloud: o.cloud,
    customAuthorityHost: o.customAuthorityHost,
    tenant: o.tenant.trim() || 'organizations',
    clientId,
    credential: { kind: 'none' },
    redirectUri: 'http://localhost',
    scopes: [...(o.scopes ?? adminGraphScopes(o.cloud))],
    mailbox: '',
    fromAddress: '',
    smtpHost: '',
    smtpPort: 587,
    network: o.network,
    tokenState: {},
    createdAt: '',
    updatedAt: '',
  };
  let built: BuiltApp | undefined;
  try {
    const http = createHttpClient({
      extraCaPem: o.network.extraCaPem,
      proxyUrl: o.network.proxyUrl,
      timeoutMs: o.network.timeoutMs,
    });
    built = await buildMsalApp(profile, secrets, { http });
    if (built.msal.kind !== 'public') throw new Error('unreachable: the admin sign-in is a public client');
    const pca = built.msal.app;
    const timeoutMs = o.timeoutMs ?? 10 * 60_000;
    const result: AuthenticationResult =
      o.method === 'device-code'
        ? await deviceCodeGrant(pca, profile.scopes, o.onDeviceCode ?? (() => undefined), o.signal)
        : await authorizationCodeGrant(pca, {
            scopes: profile.scopes,
            redirectUri: profile.redirectUri,
            timeoutMs,
            ...(o.method === 'embedded' ? { loginWindow: o.loginWindow } : { systemBrowser: o.systemBrowser }),
            ...(o.signal ? { signal: o.signal } : {}),
            ...(o.prompt ? { prompt: o.prompt } : {}),
          });
    const account = result.account;
    if (!account) throw new Error('The sign-in returned no account');
    return session(built, account, result.tenantId || account.tenantId, clientId);
  } catch (e) {
    built?.close();
    throw adminSignInProblem(e, profile, built);
  }
}

function session(built: BuiltApp, account: AccountInfo, tenantId: string, clientId: string): AdminSession {
  let closed = false;
  const { msal } = built;
  return {
    account: account.username,
    tenantId,
    clientId,
    async token(scopes) {
      if (closed || msal.kind !== 'public') throw new Error('The administrator sign-in has ended');
      const r = await msal.app.acquireTokenSilent({ account, scopes: [...scopes] });
      return r.accessToken;
    },
    close() {
      closed = true;
      if (msal.kind === 'public') void msal.app.getTokenCache().removeAccount(account);
      built.close();
    },
  };
}
