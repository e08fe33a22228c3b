import { Button } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { OpenedBundle } from '../../shared/transfer-contract';
import { ProblemView } from '../components/problem-view';
import { useChannel } from '../ipc/use-channel';
import { ExportProfilesDialog } from './export-profiles-dialog';
import { ImportProfilesDialog } from './import-profiles-dialog';

/** The start screen's way to move profiles between computers: export to one file, import one. */
export function ProfileTransfer({ count, onImported }: { readonly count: number; onImported(): void }) {
  const [exporting, setExporting] = useState(false);
  const open = useChannel('profiles:import-open');
  const [opened, setOpened] = useState<Extract<OpenedBundle, { cancelled: false }> | undefined>(undefined);
  return (
    <>
      {count > 0 && (
        <Button icon={<ArrowUploadRegular />} onClick={() => setExporting(true)}>
          Export profiles…
        </Button>
      )}
      <Button
        icon={<ArrowDownloadRegular />}
        disabled={open.state.status === 'pending'}
        onClick={() =>
          void open.run(undefined).then((r) => {
            if (r && !r.cancelled) setOpened(r);
          })
        }
      >
        Import profiles…
      </Button>
      {open.state.status === 'error' && <ProblemView problem={open.state.problem} />}
      <ExportProfilesDialog open={exporting} count={count} onClose={() => setExporting(false)} />
      <ImportProfilesDialog
        opened={opened}
        onClose={(imported) => {
          setOpened(undefined);
          open.reset();
          if (imported) onImported();
        }}
      />
    </>
  );
}
