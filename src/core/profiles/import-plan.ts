import type { Profile } from '../../shared/profile';
import type { ImportAction, ImportChoices, ImportClash, ImportPlan, ImportPlanItem } from '../../shared/profile-import';
import type { BundleEntry, ReadBundle } from './bundle-read';

/**
 * Decides, per bundle profile, what importing it means next to the profiles already here.
 * A profile with the same id is the same set-up come back: skipped unless the user says
 * replace. A different profile with the same name keeps its name; the import is added as
 * "name (imported)". Nothing is ever replaced by default.
 */
const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "Name (imported)", "Name (imported 2)", ...: the first one no profile has yet. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  const free = (n: string) => !taken.has(n.trim().toLowerCase());
  if (free(name)) return name;
  for (let i = 1; ; i += 1) {
    const candidate = `${name} (imported${i === 1 ? '' : ` ${i}`})`;
    if (free(candidate)) return candidate;
  }
}

export const nameKey = (name: string): string => name.trim().toLowerCase();

function clashOf(entry: BundleEntry, local: readonly Profile[]): ImportClash {
  if (!entry.ok) return { kind: 'none' };
  const byId = local.find((p) => p.id === entry.profile.id);
  if (byId) return { kind: 'same-id', localId: byId.id, localName: byId.name, localUpdatedAt: byId.updatedAt };
  const byName = local.find((p) => sameName(p.name, entry.profile.name));
  return byName ? { kind: 'same-name', localId: byName.id, localName: byName.name } : { kind: 'none' };
}

export function planImport(bundle: ReadBundle, local: readonly Profile[], fileName: string): ImportPlan {
  const taken = new Set(local.map((p) => nameKey(p.name)));
  const items = bundle.entries.map((entry): ImportPlanItem => {
    const key = String(entry.index);
    if (!entry.ok)
      return {
        key,
        name: entry.name,
        clash: { kind: 'none' },
        actions: ['skip'],
        defaultAction: 'skip',
        addedAs: entry.name,
        invalid: entry.reason,
      };
    const clash = clashOf(entry, local);
    const defaultAction: ImportAction = clash.kind === 'same-id' ? 'skip' : 'add';
    const addedAs = uniqueName(entry.profile.name, taken);
    if (defaultAction === 'add') taken.add(nameKey(addedAs));
    const p = entry.profile;
    return {
      key,
      name: p.name,
      targetId: p.targetId,
      flow: p.flow,
      tenant: p.tenant,
      mailbox: p.mailbox,
      clash,
      actions: clash.kind === 'none' ? ['add', 'skip'] : ['skip', 'add', 'replace'],
      defaultAction,
      addedAs,
    };
  });
  return {
    fileName,
    exportedAt: bundle.file.exportedAt,
    exportedBy: bundle.file.exportedBy,
    encrypted: bundle.encrypted,
    items,
  };
}

/** The user's choice for an item, if it is one the item allows; else its default. */
export function actionFor(item: ImportPlanItem, choices: ImportChoices): ImportAction {
  const chosen = choices[item.key];
  return chosen && item.actions.includes(chosen) ? chosen : item.defaultAction;
}
