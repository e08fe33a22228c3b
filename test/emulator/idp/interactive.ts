// One interactive sign-in, whatever started it (/authorize, /devicelogin, /adminconsent):
// sign-in -> policy checks (50020, 53003, MFA step) -> consent page -> the flow's finish.
import { type IncomingMessage } from 'node:http';
import { findApp, findUser } from '../directory';
import { type IdpContext } from './context';
import { consentedKeys, permissionLabel, recordUserConsent, requiredKeys } from './consent';
import { AadstsError } from './errors';
import { html, type Reply } from './http';
import { aadErrorPage } from './page-errors';
import { consentPage, mfaPage, signInPage } from './pages';
import { delegatedKeys, parseScopes } from './scopes';
import { signIn } from './sign-in';
import { type Transaction } from './state';
import { finishAuthorize, authorizeDeclined, authorizeBlocked } from './authorize';
import { finishDevice, deviceDeclined } from './device-code';
import { adminPermissionLabels, finishAdminConsent, adminConsentDeclined } from './admin-consent';

export function appOf(ctx: IdpContext, tx: Transaction) {
  const found = findApp(ctx.directory, tx.clientId);
  if (!found) throw new AadstsError(700016, { appId: tx.clientId, tenant: tx.tenantSegment });
  return found;
}

export function showSignIn(ctx: IdpContext, tx: Transaction, error?: string): Reply {
  const { app } = appOf(ctx, tx);
  return html(
    200,
    signInPage({ action: tx.action, tx: tx.id, appName: app.displayName, loginHint: tx.params.login_hint, error }),
  );
}

/** Handles a POST from one of the pages, then shows the next step. */
export function continueFlow(ctx: IdpContext, req: IncomingMessage, form: Readonly<Record<string, string>>): Reply {
  const tx = ctx.state.transactions.get(form.ctx ?? '');
  if (!tx) return aadErrorPage(ctx, req, new AadstsError(9002313));
  try {
    const { app, tenant } = appOf(ctx, tx);
    if (form.step === 'signin') {
      const outcome = signIn(ctx.directory, tx.tenantSegment, app, tenant, form.username ?? '', form.password ?? '');
      if ('retry' in outcome) return showSignIn(ctx, tx, outcome.retry);
      tx.user = outcome.user;
      tx.mfaDone = false;
    } else if (form.step === 'mfa' && tx.user) {
      tx.mfaDone = true;
    } else if (form.step === 'cancel' && tx.user) {
      return tx.flow === 'device'
        ? deviceDeclined(ctx, tx)
        : tx.flow === 'adminconsent'
          ? adminConsentDeclined(ctx, req, tx)
          : authorizeDeclined(ctx, req, tx);
    } else if (form.step === 'accept' && tx.user) {
      tx.consentGiven = true;
      if (tx.flow === 'adminconsent') app.adminConsent = true;
      else
        recordUserConsent(
          ctx.state,
          app,
          tx.user.upn,
          requiredKeys(app, parseScopes(tx.params.scope ?? '', tenant.id, 'delegated')),
        );
    }
    return next(ctx, req, tx);
  } catch (e) {
    if (e instanceof AadstsError) return aadErrorPage(ctx, req, e);
    throw e;
  }
}

export function next(ctx: IdpContext, req: IncomingMessage, tx: Transaction): Reply {
  const { app, tenant } = appOf(ctx, tx);
  const user = tx.user;
  if (!user) return showSignIn(ctx, tx);
  const org = user.kind === 'org' ? findUser(ctx.directory, user.upn)?.user : undefined;
  if (org?.blockedByConditionalAccess) return authorizeBlocked(ctx, req, tx);
  if (org?.mfaRequired && !tx.mfaDone) return html(200, mfaPage({ action: tx.action, tx: tx.id, upn: user.upn }));
  if (app.assignmentRequired && !(app.assignedUsers ?? []).some((u) => u.toLowerCase() === user.upn.toLowerCase()))
    return aadErrorPage(ctx, req, new AadstsError(50105, { appId: app.clientId, appName: app.displayName }));
  if (tx.flow === 'adminconsent') {
    if (!org?.globalAdmin) return aadErrorPage(ctx, req, new AadstsError(90094));
    if (!tx.consentGiven) {
      return html(
        200,
        consentPage({
          action: tx.action,
          tx: tx.id,
          appName: app.displayName,
          upn: user.upn,
          permissions: adminPermissionLabels(app),
          admin: true,
        }),
      );
    }
    return finishAdminConsent(ctx, tx, user.tenantId);
  }
  const parsed = parseScopes(tx.params.scope ?? '', tenant.id, 'delegated');
  const consented = consentedKeys(ctx.state, app, user.upn);
  const needed = requiredKeys(app, parsed);
  const promptConsent = tx.params.prompt === 'consent' && !tx.consentGiven;
  if (promptConsent || needed.some((k) => !consented.has(k))) {
    // Tenants that keep consent to admins: a non-admin is stopped (or may request approval).
    const homeTenant = findUser(ctx.directory, user.upn)?.tenant;
    if (!org?.globalAdmin && homeTenant?.userConsent === 'admin-only')
      return aadErrorPage(ctx, req, new AadstsError(90094));
    if (!org?.globalAdmin && homeTenant?.userConsent === 'admin-consent-workflow')
      return aadErrorPage(ctx, req, new AadstsError(90095));
    const labels = (needed.length > 0 ? needed : [...delegatedKeys(app.delegatedPermissions).keys()]).map(
      permissionLabel,
    );
    return html(
      200,
      consentPage({
        action: tx.action,
        tx: tx.id,
        appName: app.displayName,
        upn: user.upn,
        permissions: ['Sign you in and read your profile', ...labels],
        admin: false,
      }),
    );
  }
  ctx.state.transactions.delete(tx.id);
  return tx.flow === 'device' ? finishDevice(ctx, tx) : finishAuthorize(ctx, req, tx);
}
