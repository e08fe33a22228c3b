/**
 * The shape rules of the redactor (`redact.ts`) over runs of token characters, written as a
 * scanner so that their cost is linear in the text's length. As regular expressions they
 * were `eyJ[…]{4,}\.[…]{4,}\.[…]*`, `[…]{20,}={0,2}`, `[…]{2,8}~[…]{20,}` and `[…]{60,}={0,2}`:
 * a 10 MB run overflowed V8's backtracking stack (RangeError) and 120 kB of `eyJ` took 36 s.
 * Here each pass finds maximal runs at least as long as its rule needs with `{n}` then `*`
 * (which V8 matches without growing its stack) and decides in code, looking at each character
 * a fixed number of times. The results are the same as those expressions': which text is
 * replaced, and by which marker.
 */
export interface RunMarkers {
  /** A JWT. */
  readonly token: string;
  /** A base64 run that decodes to an XOAUTH2 payload, a JWT or a known secret. */
  readonly payload: string;
  /** A client secret or any other long opaque run. */
  readonly other: string;
}

// Each the shortest run its rule can match: `eyJ` + 4 + `.` + 4 + `.`; 20; 2 + `~` + 20; 60.
const JWT_RUN = /[A-Za-z0-9_.-]{13}[A-Za-z0-9_.-]*/g;
const BASE64_RUN = /[A-Za-z0-9+/_-]{20}[A-Za-z0-9+/_-]*={0,2}/g;
const SECRET_RUN = /[A-Za-z0-9_.~-]{23}[A-Za-z0-9_.~-]*/g;
const LONG_RUN = /[A-Za-z0-9_~.+/-]{60}[A-Za-z0-9_~.+/-]*={0,2}/g;

/**
 * `text` with each match of `re` passed through `fn`. A loop rather than `replace(re, fn)`,
 * which rebuilds the string from every match even when nothing changes (7 s for 3 million).
 */
function mapRuns(text: string, re: RegExp, fn: (run: string) => string): string {
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const run = m[0];
    const replaced = fn(run);
    if (replaced === run) continue;
    out += text.slice(last, m.index) + replaced;
    last = m.index + run.length;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * JWTs in a run of base64url characters and dots: `eyJ` with at least 4 more characters,
 * a dot, at least 4, a dot, and the rest up to the next dot, replaced left to right.
 */
function replaceJwts(run: string, marker: string): string {
  if (!run.includes('eyJ')) return run;
  let out = '';
  let from = 0; // start of the segment being looked at
  let q = -1; // the next `eyJ` at or after `from`, found once and reused (else this is quadratic)
  while (from <= run.length) {
    const dot1 = run.indexOf('.', from);
    if (dot1 < 0) break;
    if (q < from) q = run.indexOf('eyJ', from);
    if (q < 0) break;
    if (q > dot1) {
      // Jump to the segment that holds the next `eyJ`: segments before it cannot start a JWT.
      const start = run.lastIndexOf('.', q) + 1;
      out += run.slice(from, start);
      from = start;
      continue;
    }
    // The first `eyJ` of this segment with 4 characters after it before the dot.
    if (q < dot1 && dot1 - q >= 7) {
      const dot2 = run.indexOf('.', dot1 + 1);
      if (dot2 >= 0 && dot2 - dot1 - 1 >= 4) {
        const dot3 = run.indexOf('.', dot2 + 1);
        out += run.slice(from, q) + marker;
        if (dot3 < 0) return out;
        out += '.';
        from = dot3 + 1;
        continue;
      }
    }
    out += run.slice(from, dot1 + 1);
    from = dot1 + 1;
  }
  return out + run.slice(from);
}

/** Does this text hold a JWT anywhere (for a decoded base64 run)? */
function holdsJwt(text: string): boolean {
  if (!text.includes('eyJ')) return false;
  let found = false;
  mapRuns(text, JWT_RUN, (run) => {
    if (!found && replaceJwts(run, '\0') !== run) found = true;
    return run;
  });
  return found;
}

function decodesToSecret(run: string, secrets: readonly string[]): boolean {
  const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  const lower = decoded.toLowerCase();
  if (lower.includes('auth=bearer') || lower.includes('\x01auth=')) return true;
  if (holdsJwt(decoded)) return true;
  return secrets.some((s) => decoded.includes(s));
}

/** An Entra client secret value (`abc8Q~…`, 40 characters): 2-8 characters, `~`, 20 or more. */
function replaceClientSecret(run: string, marker: string): string {
  let boundary = 0; // just after the previous `~`
  for (let t = run.indexOf('~'); t >= 0; t = run.indexOf('~', t + 1)) {
    const prefix = Math.min(8, t - boundary);
    if (prefix >= 2) return run.length - t - 1 >= 20 ? run.slice(0, t - prefix) + marker : run;
    boundary = t + 1;
  }
  return run;
}

export function redactRuns(text: string, secrets: readonly string[], markers: RunMarkers): string {
  const unpadded = (run: string): number =>
    run.endsWith('==') ? run.length - 2 : run.endsWith('=') ? run.length - 1 : run.length;
  let out = text.includes('eyJ') ? mapRuns(text, JWT_RUN, (run) => replaceJwts(run, markers.token)) : text;
  // Long runs of base64/base64url: candidates for an encoded payload or token.
  out = mapRuns(out, BASE64_RUN, (run) =>
    unpadded(run) >= 20 && decodesToSecret(run, secrets) ? markers.payload : run,
  );
  if (out.includes('~')) out = mapRuns(out, SECRET_RUN, (run) => replaceClientSecret(run, markers.other));
  // Opaque tokens (refresh tokens, codes) that have no recognisable prefix.
  return mapRuns(out, LONG_RUN, (run) => (unpadded(run) >= 60 ? markers.other : run));
}
