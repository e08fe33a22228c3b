// Redirect URI matching (§8): exact, except that the port of an http loopback URI is ignored
// (RFC 8252) and a URI without a path equals the same URI with "/".
export function redirectMatches(registered: string, requested: string): boolean {
  const a = normalize(registered);
  const b = normalize(requested);
  return a !== undefined && a === b;
}

function normalize(uri: string): string | undefined {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return undefined;
  }
  const loopback = u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1');
  const host = loopback ? u.hostname : u.host;
  const path = u.pathname === '' ? '/' : u.pathname;
  return `${u.protocol}//${host.toLowerCase()}${path}${u.search}`;
}

export function findRegisteredRedirect(registered: readonly string[], requested: string): string | undefined {
  return registered.find((r) => redirectMatches(r, requested));
}
