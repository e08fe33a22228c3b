// The HTML a person (or Playwright) clicks through: sign-in, MFA, consent, error, form_post, device login.
// Field names and button labels are pinned in docs/team-contracts.md.
import { escapeHtml as e } from './http';

function layout(title: string, body: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">${extraHead}
<style>body{font-family:Segoe UI,Arial,sans-serif;background:#f2f2f2;margin:0}main{max-width:440px;margin:48px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
label{display:block;margin-top:12px}input[type=text],input[type=email],input[type=password]{width:100%;padding:6px;box-sizing:border-box}
button{margin-top:20px;margin-right:8px;padding:6px 20px}.error{color:#a80000}.small{font-size:12px;color:#555}</style></head>
<body><main><p class="small">Microsoft (local emulator)</p>${body}</main></body></html>`;
}

const hidden = (name: string, value: string): string => `<input type="hidden" name="${e(name)}" value="${e(value)}">`;

export function signInPage(o: {
  action: string;
  tx: string;
  appName: string;
  loginHint?: string;
  error?: string;
}): string {
  return layout(
    'Sign in to your account',
    `<h1>Sign in</h1>
<p>to continue to ${e(o.appName)}</p>
${o.error ? `<p class="error" role="alert">${e(o.error)}</p>` : ''}
<form method="post" action="${e(o.action)}">${hidden('ctx', o.tx)}${hidden('step', 'signin')}
<label for="username">Email, phone, or Skype</label><input type="email" id="username" name="username" autocomplete="username" value="${e(o.loginHint ?? '')}">
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password">
<button type="submit">Sign in</button></form>`,
  );
}

export function mfaPage(o: { action: string; tx: string; upn: string }): string {
  return layout(
    'Approve sign in request',
    `<h1>Approve sign in request</h1>
<p>${e(o.upn)}: your organization requires multi-factor authentication. Approve the request in your authenticator app.</p>
<form method="post" action="${e(o.action)}">${hidden('ctx', o.tx)}${hidden('step', 'mfa')}<button type="submit">Approve</button></form>`,
  );
}

export function consentPage(o: {
  action: string;
  tx: string;
  appName: string;
  upn: string;
  permissions: readonly string[];
  admin: boolean;
}): string {
  const items = o.permissions.map((p) => `<li>${e(p)}</li>`).join('');
  return layout(
    'Permissions requested',
    `<h1>Permissions requested</h1>
<p>${e(o.appName)} (unverified)${o.admin ? ' — accept for your organization' : ''}</p>
<p>Signed in as ${e(o.upn)}. This app would like to:</p><ul>${items}</ul>
<form method="post" action="${e(o.action)}">${hidden('ctx', o.tx)}
<button type="submit" name="step" value="accept">Accept</button>
<button type="submit" name="step" value="cancel">Cancel</button></form>`,
  );
}

/** Entra's own error page: shown instead of redirecting when the redirect URI cannot be trusted (§1.3). */
export function errorPage(o: { message: string; correlationId: string; traceId: string; timestamp: string }): string {
  return layout(
    'Sign in error',
    `<h1>Sorry, but we're having trouble signing you in.</h1>
<p class="error" id="error-message">${e(o.message)}</p>
<p class="small">Request Id: ${e(o.traceId)}<br>Correlation Id: ${e(o.correlationId)}<br>Timestamp: ${e(o.timestamp)}</p>`,
  );
}

/** response_mode=form_post: an auto-submitting form to the redirect URI (§1.2). */
export function formPostPage(action: string, fields: Readonly<Record<string, string>>): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => hidden(k, v))
    .join('');
  return layout(
    'Working...',
    `<form method="post" name="hiddenform" action="${e(action)}">${inputs}
<noscript><p>Script is disabled. Click Submit to continue.</p><button type="submit">Submit</button></noscript></form>
<script>document.forms.hiddenform.submit();</script>`,
  );
}

export function deviceCodeEntryPage(o: { action: string; error?: string }): string {
  return layout(
    'Enter code',
    `<h1>Enter code</h1><p>Enter the code displayed on your app or device.</p>
${o.error ? `<p class="error" role="alert">${e(o.error)}</p>` : ''}
<form method="post" action="${e(o.action)}">${hidden('step', 'code')}
<label for="otc">Code</label><input type="text" id="otc" name="otc" autocomplete="off"><button type="submit">Next</button></form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return layout(title, `<h1>${e(title)}</h1><p id="message">${e(text)}</p>`);
}
