// Who may sign in where: the authority's tenant, the app's sign-in audience and personal accounts (§5.1 50020, 50034, 50126).
import {
  CONSUMERS_TENANT_ID,
  findConsumer,
  findUser,
  type Directory,
  type AppRegistration,
  type Tenant,
} from '../directory';
import { AadstsError } from './errors';
import { type SignedInUser } from './state';
import { resolveTenant } from './tenants';

export type SignInOutcome = { readonly user: SignedInUser } | { readonly retry: string };

export function signIn(
  dir: Directory,
  tenantSegment: string,
  app: AppRegistration,
  appTenant: Tenant,
  username: string,
  password: string,
): SignInOutcome {
  const org = findUser(dir, username);
  const consumer = org ? undefined : findConsumer(dir, username);
  if (!org && !consumer) {
    // Shown on the sign-in page itself, as Entra does (AADSTS50034).
    return {
      retry:
        'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin. (AADSTS50034)',
    };
  }
  const expected = org ? org.user.password : consumer?.password;
  if (password !== expected)
    return {
      retry: "Your account or password is incorrect. If you don't remember your password, reset it now. (AADSTS50126)",
    };
  const ref = resolveTenant(dir, tenantSegment);
  const idp = org ? `https://sts.windows.net/${org.tenant.id}/` : 'live.com';
  const notHere = (): AadstsError =>
    new AadstsError(50020, {
      email: username,
      idp,
      tenant: ref.kind === 'tenant' ? ref.tenant.id : appTenant.id,
      appId: app.clientId,
      appName: app.displayName,
    });
  if (org) {
    if (ref.kind === 'tenant' && ref.tenant !== org.tenant) throw notHere();
    if (ref.kind === 'consumers') throw notHere();
    const allowsOrg = app.signInAudience !== 'PersonalMicrosoftAccount';
    if (!allowsOrg || (app.signInAudience === 'AzureADMyOrg' && org.tenant !== appTenant)) throw notHere();
    return {
      user: {
        kind: 'org',
        tenantId: org.tenant.id,
        upn: org.user.upn,
        oid: org.user.objectId,
        name: org.user.displayName,
      },
    };
  }
  const c = consumer!;
  // Personal accounts need an app that allows them (signInAudience *PersonalMicrosoftAccount*) and a
  // consumer-capable authority.
  const allowsPersonal =
    app.signInAudience === 'AzureADandPersonalMicrosoftAccount' || app.signInAudience === 'PersonalMicrosoftAccount';
  if (!allowsPersonal || ref.kind === 'tenant' || ref.kind === 'organizations') throw notHere();
  return {
    user: { kind: 'consumer', tenantId: CONSUMERS_TENANT_ID, upn: c.upn, oid: c.objectId, name: c.displayName },
  };
}
