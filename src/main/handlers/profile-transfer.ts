import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { type z } from 'zod';
import { problem } from '../../shared/problem';
import type {
  ImportOutcome,
  OpenedBundle,
  profilesExportRequestSchema,
  profilesImportRequestSchema,
  SavedFile,
} from '../../shared/transfer-contract';
import { writeFileAtomic } from '../../core/profiles/atomic-file';
import { passphraseProblem } from '../../core/profiles/bundle-crypto';
import { readBundle, type ReadBundle } from '../../core/profiles/bundle-read';
import { planImport } from '../../core/profiles/import-plan';
import { exportBundle } from '../../core/profiles/profile-export';
import { importBundle } from '../../core/profiles/profile-import';
import { ProblemError } from '../../core/problem-error';
import { saveProblem } from '../../core/targets/write-exports';
import type { HandlerPorts } from './ports';
import { viewOf } from './profiles';

type ExportRequest = z.output<typeof profilesExportRequestSchema>;
type ImportRequest = z.output<typeof profilesImportRequestSchema>;

const BUNDLE_FILTERS = [
  { name: 'Profile bundle', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

const notOpen = (): ProblemError =>
  new ProblemError(
    problem({
      code: 'IMPORT_NOT_OPEN',
      title: 'Open the bundle again',
      explanation: 'The bundle file is no longer open (another one was opened, or the app was restarted).',
      fixSteps: ['Choose “Import profiles…” and pick the file again; nothing was imported yet.'],
    }),
  );

/**
 * Export and import of profile bundles for the window. The bundle that is being imported
 * stays in main (one at a time): the window sees its plan and sends back only its choices
 * and the passphrase, so a file's content never has to cross to the renderer and back.
 */
export function createTransferHandlers(ports: HandlerPorts) {
  let opened: { readonly id: string; readonly bundle: ReadBundle; readonly fileName: string } | undefined;

  const exportProfiles = async (req: ExportRequest): Promise<SavedFile> => {
    // A weak passphrase is said before the save dialog, so no file is chosen for nothing.
    if (req.includeSecrets) {
      const weak = passphraseProblem(req.passphrase);
      if (weak) throw weak;
    }
    const profiles = req.profileIds
      ? await Promise.all(req.profileIds.map(async (id) => (await viewOf(ports, id)).profile))
      : await ports.profiles.list();
    const text = await exportBundle(profiles, ports.secrets, {
      includeSecrets: req.includeSecrets,
      ...(req.passphrase !== undefined ? { passphrase: req.passphrase } : {}),
      exportedBy: `${ports.app.name} ${ports.app.version}`,
      ...(ports.now ? { now: () => new Date(ports.now?.() ?? Date.now()) } : {}),
    });
    const day = new Date(ports.now ? ports.now() : Date.now()).toISOString().slice(0, 10);
    const path = await ports.dialogs.chooseSaveFile({
      title: req.includeSecrets ? 'Save the profiles with their encrypted secrets' : 'Save the profiles',
      defaultName: `smtp-oauth-profiles-${day}.json`,
      filters: BUNDLE_FILTERS,
    });
    if (!path) return { cancelled: true };
    try {
      // Owner-only (0600) even without secrets: tenant and app ids are nobody else's business.
      await writeFileAtomic(path, text);
    } catch (e) {
      throw saveProblem(dirname(path), e, 'The profiles could not be saved', undefined);
    }
    return { cancelled: false, path, count: profiles.length };
  };

  const openImport = async (): Promise<OpenedBundle> => {
    const picked = await ports.dialogs.openFile({
      title: 'Choose a profile bundle to import',
      filters: BUNDLE_FILTERS,
    });
    if (!picked) return { cancelled: true };
    const bundle = readBundle(new TextDecoder('utf-8').decode(picked.bytes), picked.fileName);
    const plan = planImport(bundle, await ports.profiles.list(), picked.fileName);
    opened = { id: randomUUID(), bundle, fileName: picked.fileName };
    return { cancelled: false, bundleId: opened.id, plan };
  };

  const runImport = async (req: ImportRequest): Promise<ImportOutcome> => {
    if (!opened || opened.id !== req.bundleId) throw notOpen();
    const outcome = await importBundle({ profiles: ports.profiles, secrets: ports.secrets }, opened.bundle, {
      fileName: opened.fileName,
      choices: req.choices,
      withoutSecrets: req.withoutSecrets,
      ...(req.passphrase !== undefined ? { passphrase: req.passphrase } : {}),
    });
    // Imported: a second click must not add the same profiles twice. A wrong passphrase threw above and keeps it open.
    opened = undefined;
    return outcome;
  };

  return { exportProfiles, openImport, runImport };
}
