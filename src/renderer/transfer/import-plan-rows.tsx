import {
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { ImportAction, ImportPlanItem, ImportResult } from '../../shared/profile-import';

/** What is on this computer already, in plain words. */
function clashText(item: ImportPlanItem): string {
  if (item.invalid) return `Cannot be read: ${item.invalid}`;
  switch (item.clash.kind) {
    case 'none':
      return 'New on this computer';
    case 'same-id':
      return `Already here as “${item.clash.localName}” (changed ${item.clash.localUpdatedAt.slice(0, 10)})`;
    case 'same-name':
      return `Another profile here is named “${item.clash.localName}”`;
  }
}

function actionLabel(item: ImportPlanItem, action: ImportAction): string {
  if (action === 'skip') return item.clash.kind === 'same-id' ? 'Keep the one here (skip)' : 'Skip';
  if (action === 'replace') return `Replace “${item.clash.kind === 'none' ? item.name : item.clash.localName}”`;
  return item.addedAs === item.name ? 'Add' : `Add as “${item.addedAs}”`;
}

/** The plan, one row per profile in the bundle, with the user's choice for each. */
export function ImportPlanRows({
  items,
  choices,
  onChoose,
}: {
  readonly items: readonly ImportPlanItem[];
  readonly choices: Readonly<Record<string, ImportAction>>;
  onChoose(key: string, action: ImportAction): void;
}) {
  return (
    <Table size="small" aria-label="Profiles in the file">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Profile</TableHeaderCell>
          <TableHeaderCell>On this computer</TableHeaderCell>
          <TableHeaderCell>Import</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.key} data-testid="import-plan-row">
            <TableCell>
              {item.name}
              {item.mailbox ? <Text size={200}> · {item.mailbox}</Text> : null}
            </TableCell>
            <TableCell>{clashText(item)}</TableCell>
            <TableCell>
              {item.invalid ? (
                'Not imported'
              ) : (
                <Select
                  aria-label={`Import “${item.name}”`}
                  value={choices[item.key] ?? item.defaultAction}
                  onChange={(_e, d) => onChoose(item.key, d.value as ImportAction)}
                >
                  {item.actions.map((a) => (
                    <option key={a} value={a}>
                      {actionLabel(item, a)}
                    </option>
                  ))}
                </Select>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** What the import did, profile by profile. */
export function ImportResultRows({ results }: { readonly results: readonly ImportResult[] }) {
  return (
    <Table size="small" aria-label="What was imported">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Profile</TableHeaderCell>
          <TableHeaderCell>Result</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {results.map((r) => (
          <TableRow key={r.key} data-testid="import-result-row" data-action={r.action}>
            <TableCell>{r.name}</TableCell>
            {/* The note starts with what happened ("Added as …", "Skipped, as chosen.", "Not imported: …"). */}
            <TableCell>{r.note}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
