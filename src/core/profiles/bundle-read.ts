import { problem } from '../../shared/problem';
import {
  bundleAad,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleFileSchema,
  bundleProfileSchema,
  bundleSecretsSchema,
  type BundleFile,
  type BundleProfile,
  type BundleSecrets,
} from '../../shared/profile-bundle';
import { ProblemError } from '../problem-error';
import { damagedBundle, openSecrets } from './bundle-crypto';

/** The largest bundle read: thousands of profiles with certificates fit many times over. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

export type BundleEntry =
  | { readonly index: number; readonly ok: true; readonly profile: BundleProfile }
  | { readonly index: number; readonly ok: false; readonly name: string; readonly reason: string };

export interface ReadBundle {
  readonly file: BundleFile;
  /** Every profile of the file, readable or not, in file order. */
  readonly entries: readonly BundleEntry[];
  readonly encrypted: boolean;
}

function notABundle(fileName: string, why: string): ProblemError {
  return new ProblemError(
    problem({
      code: 'BUNDLE_NOT_A_BUNDLE',
      title: `${fileName} is not a profile bundle`,
      explanation: `${why} A profile bundle is the file "Export profiles" saves.`,
      fixSteps: ['Choose the file that "Export profiles" (or `smtp-oauth-wizard profiles export`) saved.'],
      field: 'file',
    }),
  );
}

/** Where a schema check failed, in the words a person can look up in the file. */
function reasonOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'a value is not valid';
  const where = first.path.map(String).join('.');
  return where ? `${where}: ${first.message}` : first.message;
}

/** Parses a bundle's text. Throws a ProblemError that names the file or the field; single bad profiles are entries. */
export function readBundle(text: string, fileName: string): ReadBundle {
  if (Buffer.byteLength(text, 'utf8') > MAX_BUNDLE_BYTES)
    throw notABundle(fileName, `It is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB.`);
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // Our own files always parse; a JSON error in one that starts like ours is damage.
    if (text.includes(BUNDLE_FORMAT))
      throw damagedBundle('It is cut off or has been edited: it is no longer valid JSON.');
    throw notABundle(fileName, 'It is not a JSON file.');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BUNDLE_FORMAT)
    throw notABundle(fileName, 'It does not say it is one.');
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BUNDLE_VERSION)
    throw new ProblemError(
      problem({
        code: 'BUNDLE_NEWER_VERSION',
        title: 'The bundle comes from a newer version of the app',
        explanation: `It is format version ${version}; this app reads version ${BUNDLE_VERSION}. Nothing was imported.`,
        fixSteps: ['Update SMTP OAuth Wizard on this computer, then import again.'],
        field: 'file',
      }),
    );
  const parsed = bundleFileSchema.safeParse(json);
  if (!parsed.success) throw damagedBundle(`The field ${reasonOf(parsed.error.issues)}.`);
  const entries = parsed.data.profiles.map((raw, index): BundleEntry => {
    const p = bundleProfileSchema.safeParse(raw);
    if (p.success) return { index, ok: true, profile: p.data };
    const name = (raw as { name?: unknown } | null)?.name;
    return {
      index,
      ok: false,
      name: typeof name === 'string' && name.trim() ? name.slice(0, 200) : `profile ${index + 1}`,
      reason: reasonOf(p.error.issues),
    };
  });
  return { file: parsed.data, entries, encrypted: parsed.data.secrets !== undefined };
}

/** Decrypts the bundle's secrets (none when it carries none). Throws BUNDLE_PASSPHRASE_WRONG or BUNDLE_DAMAGED. */
export async function bundleSecrets(bundle: ReadBundle, passphrase: string): Promise<BundleSecrets> {
  const sealed = bundle.file.secrets;
  if (!sealed) return {};
  const text = await openSecrets(sealed, passphrase, bundleAad(bundle.file.version, bundle.file.profiles));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damagedBundle('Its secrets decrypt to something unreadable.');
  }
  const secrets = bundleSecretsSchema.safeParse(json);
  if (!secrets.success) throw damagedBundle(`Its secret ${reasonOf(secrets.error.issues)}.`);
  return secrets.data;
}
