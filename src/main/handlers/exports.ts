import type { AemExportSettings, ExportOutput } from '../../shared/export-output';
import type { SavedExport } from '../../shared/ipc-contract';
import { exportsForProfile, writeExports } from '../../core/targets';
import type { HandlerPorts } from './ports';
import { viewOf } from './profiles';

interface ExportRequest {
  readonly profileId: string;
  readonly includeSecrets: boolean;
  readonly aem?: AemExportSettings;
}

/** The outputs for the profile's target; the keychain is read only when secrets are asked for. */
export async function listExports(ports: HandlerPorts, req: ExportRequest): Promise<readonly ExportOutput[]> {
  const { profile } = await viewOf(ports, req.profileId);
  return exportsForProfile(ports.secrets, profile, {
    includeSecrets: req.includeSecrets,
    ...(req.aem ? { aem: req.aem } : {}),
  });
}

/** Asks where to save, then writes every output there. */
export async function saveExports(ports: HandlerPorts, req: ExportRequest): Promise<SavedExport> {
  const outputs = await listExports(ports, req);
  const directory = await ports.dialogs.chooseExportFolder();
  if (!directory) return { cancelled: true };
  const files = await writeExports(outputs, directory);
  return { cancelled: false, directory, files };
}
