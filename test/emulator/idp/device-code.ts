// Device code flow (§3): POST /{tenant}/oauth2/v2.0/devicecode, the /devicelogin page where a person
// enters the code and signs in, and the record the token endpoint polls.
import { randomInt } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import { type IdpContext } from './context';
import { AadstsError } from './errors';
import { html, json, type Reply } from './http';
import { continueFlow, showSignIn } from './interactive';
import { deviceCodeEntryPage, messagePage } from './pages';
import { parseScopes } from './scopes';
import { opaque, type Transaction } from './state';
import { type TenantRef } from './tenants';
import { appFor } from './token';

export const DEVICE_LOGIN_PATH = '/devicelogin';
const LIFETIME_S = 900;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function userCode(): string {
  return Array.from({ length: 9 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export function startDeviceCode(ctx: IdpContext, ref: TenantRef, form: Readonly<Record<string, string>>): Reply {
  const { app, tenant } = appFor(ctx, ref, form.client_id);
  if (!form.scope) throw new AadstsError(900144, { name: 'scope' });
  parseScopes(form.scope, tenant.id, 'delegated');
  const code = userCode();
  const deviceCode = opaque('DAQABAAEAAAD', 120);
  ctx.state.deviceCodes.set(deviceCode, {
    deviceCode,
    userCode: code,
    clientId: app.clientId,
    tenantSegment: ref.segment,
    scope: form.scope,
    expiresAt: ctx.clock.now() + LIFETIME_S * 1000,
    status: 'pending',
  });
  const verificationUri = `${ctx.authorityHost}${DEVICE_LOGIN_PATH}`;
  return json(200, {
    user_code: code,
    device_code: deviceCode,
    verification_uri: verificationUri,
    expires_in: LIFETIME_S,
    interval: ctx.behaviour.deviceCodeIntervalSeconds,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${code} to authenticate.`,
  });
}

export function deviceLogin(
  ctx: IdpContext,
  req: IncomingMessage,
  method: string,
  form: Readonly<Record<string, string>>,
): Reply {
  if (method !== 'POST') return html(200, deviceCodeEntryPage({ action: DEVICE_LOGIN_PATH }));
  if (form.step !== 'code') return continueFlow(ctx, req, form);
  const entered = (form.otc ?? '').trim().toUpperCase();
  const rec = [...ctx.state.deviceCodes.values()].find((r) => r.userCode === entered && r.status === 'pending');
  if (!rec || ctx.clock.now() > rec.expiresAt) {
    return html(
      200,
      deviceCodeEntryPage({ action: DEVICE_LOGIN_PATH, error: "That code didn't work. Check the code and try again." }),
    );
  }
  const tx: Transaction = {
    id: opaque('tx', 18),
    flow: 'device',
    tenantSegment: rec.tenantSegment,
    clientId: rec.clientId,
    params: { scope: rec.scope, client_id: rec.clientId },
    deviceCode: rec.deviceCode,
    action: DEVICE_LOGIN_PATH,
    mfaDone: false,
    consentGiven: false,
  };
  ctx.state.transactions.set(tx.id, tx);
  return showSignIn(ctx, tx);
}

export function finishDevice(ctx: IdpContext, tx: Transaction): Reply {
  const rec = ctx.state.deviceCodes.get(tx.deviceCode ?? '');
  const { app } = appFor(ctx, { kind: 'common', segment: 'common' }, tx.clientId);
  if (!rec || !tx.user)
    return html(400, messagePage('Sign in failed', 'The code has expired. Start again on your device.'));
  const now = ctx.clock.now();
  rec.status = 'approved';
  rec.grant = { clientId: rec.clientId, user: tx.user, scope: rec.scope, authTime: now, mfa: tx.mfaDone, spa: false };
  return html(
    200,
    messagePage(
      app.displayName,
      `You have signed in to the ${app.displayName} application on your device. You may now close this window.`,
    ),
  );
}

export function deviceDeclined(ctx: IdpContext, tx: Transaction): Reply {
  ctx.state.transactions.delete(tx.id);
  const rec = ctx.state.deviceCodes.get(tx.deviceCode ?? '');
  if (rec) rec.status = 'declined';
  return html(
    200,
    messagePage(
      'Sign in canceled',
      'You declined to sign in to the application on your device. You may now close this window.',
    ),
  );
}
