// Drives the emulator's sign-in pages over raw HTTPS, as a browser would (tests without a browser).
// Follows: sign-in form -> MFA "Approve" -> consent "Accept"/"Cancel" -> redirect or form_post.
import { request } from 'node:https';

export interface HttpResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export function httpsRequest(
  url: string,
  ca: string,
  opts: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...(opts.headers ?? {}) };
    if (opts.body !== undefined) {
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
      headers['Content-Length'] = Buffer.byteLength(opts.body);
    }
    const req = request(
      url,
      { method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'), headers, ca },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const decodeEntities = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    out[decodeEntities(m[1]!)] = decodeEntities(m[2]!);
  return out;
}

export function formAction(html: string): string | undefined {
  const m = /<form method="post"[^>]*action="([^"]*)"/.exec(html);
  return m ? decodeEntities(m[1]!) : undefined;
}

export type SignInEnd =
  | { readonly kind: 'redirect'; readonly location: string; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'form_post'; readonly action: string; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'page'; readonly status: number; readonly html: string; readonly text: string };

export interface SignInOptions {
  /** The user name to type; `upn` is accepted too, so fixtures' USERS.alice can be passed as is. */
  readonly username?: string;
  readonly upn?: string;
  readonly password: string;
  /** What to press on a consent page (default Accept). */
  readonly consent?: 'accept' | 'cancel';
  /** Approve the MFA step when asked (default true). */
  readonly approveMfa?: boolean;
}

function pageText(html: string): string {
  return decodeEntities(html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function end(res: HttpResult): SignInEnd | undefined {
  const location = res.headers.location;
  if (res.status === 302 && typeof location === 'string') {
    const u = new URL(location);
    const params = Object.fromEntries(new URLSearchParams(u.hash ? u.hash.slice(1) : u.search));
    return { kind: 'redirect', location, params };
  }
  if (res.body.includes('name="hiddenform"'))
    return { kind: 'form_post', action: formAction(res.body) ?? '', params: hiddenFields(res.body) };
  return undefined;
}

/** Opens an /authorize (or /adminconsent) URL and signs in; returns where the flow ended. */
export async function signInOverHttp(startUrl: string, ca: string, o: SignInOptions): Promise<SignInEnd> {
  const res = await httpsRequest(startUrl, ca);
  return continueSignIn(new URL(startUrl).origin, res, ca, o);
}

export async function continueSignIn(
  origin: string,
  first: HttpResult,
  ca: string,
  o: SignInOptions,
): Promise<SignInEnd> {
  let res = first;
  for (let step = 0; step < 6; step++) {
    const done = end(res);
    if (done) return done;
    const fields = hiddenFields(res.body);
    const action = formAction(res.body);
    if (!action || !fields.ctx) return { kind: 'page', status: res.status, html: res.body, text: pageText(res.body) };
    let form: Record<string, string>;
    if (fields.step === 'signin') {
      if (step > 0 && res.body.includes('role="alert"'))
        return { kind: 'page', status: res.status, html: res.body, text: pageText(res.body) };
      form = { ...fields, username: o.username ?? o.upn ?? '', password: o.password };
    } else if (fields.step === 'mfa') {
      if (o.approveMfa === false) return { kind: 'page', status: res.status, html: res.body, text: pageText(res.body) };
      form = fields;
    } else {
      form = { ...fields, step: o.consent ?? 'accept' };
    }
    res = await httpsRequest(origin + action, ca, { body: new URLSearchParams(form).toString() });
  }
  return { kind: 'page', status: res.status, html: res.body, text: pageText(res.body) };
}
