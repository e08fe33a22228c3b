// Admin consent (§3): /{tenant}/adminconsent (v1) and /{tenant}/v2.0/adminconsent; a global admin
// signs in, accepts the app's permissions for the organisation, and is redirected back.
import { type IncomingMessage } from 'node:http';
import { type AppRegistration } from '../directory';
import { type IdpContext } from './context';
import { AadstsError } from './errors';
import { type Reply } from './http';
import { showSignIn } from './interactive';
import { aadErrorPage, respondToApp } from './page-errors';
import { findRegisteredRedirect } from './redirect-uri';
import { applicationRoles, delegatedKeys } from './scopes';
import { permissionLabel } from './consent';
import { opaque, type Transaction } from './state';
import { type TenantRef } from './tenants';
import { appFor } from './token';

export function startAdminConsent(
  ctx: IdpContext,
  req: IncomingMessage,
  ref: TenantRef,
  action: string,
  v2: boolean,
  params: Readonly<Record<string, string>>,
): Reply {
  try {
    if (ref.kind === 'common' || ref.kind === 'consumers') throw new AadstsError(90002, { tenant: ref.segment });
    const { app } = appFor(ctx, ref, params.client_id);
    if (app.redirectUris.length === 0) throw new AadstsError(500113);
    if (!params.redirect_uri) throw new AadstsError(900144, { name: 'redirect_uri' });
    if (!findRegisteredRedirect(app.redirectUris, params.redirect_uri))
      throw new AadstsError(50011, { uri: params.redirect_uri, appId: app.clientId });
    const tx: Transaction = {
      id: opaque('tx', 18),
      flow: 'adminconsent',
      tenantSegment: ref.segment,
      clientId: app.clientId,
      params: { ...params, v2: v2 ? '1' : '' },
      action,
      mfaDone: false,
      consentGiven: false,
    };
    ctx.state.transactions.set(tx.id, tx);
    return showSignIn(ctx, tx);
  } catch (e) {
    if (e instanceof AadstsError) return aadErrorPage(ctx, req, e);
    throw e;
  }
}

export function adminPermissionLabels(app: AppRegistration): string[] {
  const delegated = [...delegatedKeys(app.delegatedPermissions).keys()].map(permissionLabel);
  const roles = [
    ...applicationRoles(app.applicationPermissions, 'exchange'),
    ...applicationRoles(app.applicationPermissions, 'graph'),
  ].map((r) => `${r} (application permission)`);
  return [...delegated, ...roles];
}

export function finishAdminConsent(ctx: IdpContext, tx: Transaction, tenantId: string): Reply {
  ctx.state.transactions.delete(tx.id);
  const p = tx.params;
  return respondToApp(p.redirect_uri ?? '', undefined, {
    admin_consent: 'True',
    tenant: tenantId,
    ...(p.v2 && p.scope ? { scope: p.scope } : {}),
    ...(p.state !== undefined ? { state: p.state } : {}),
  });
}

/** Cancel: v2 answers access_denied + AADSTS65004 (D5 wording); v1 answers permission_denied (D2). */
export function adminConsentDeclined(ctx: IdpContext, _req: IncomingMessage, tx: Transaction): Reply {
  ctx.state.transactions.delete(tx.id);
  const p = tx.params;
  const fields: Record<string, string> = p.v2
    ? {
        admin_consent: 'True',
        error: 'access_denied',
        error_description: 'AADSTS65004: The resource owner or authorization server denied the request.',
      }
    : { error: 'permission_denied', error_description: 'The admin canceled the request' };
  return respondToApp(p.redirect_uri ?? '', undefined, {
    ...fields,
    ...(p.state !== undefined ? { state: p.state } : {}),
  });
}
