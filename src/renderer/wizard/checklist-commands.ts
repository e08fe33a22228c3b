import { connectExchangeOnline } from '../../shared/exchange-powershell';
import type { CloudId } from '../../shared/profile';
import type { ChecklistStep } from '../../shared/target-preset';

/** What the wizard knows that the checklist's commands have placeholders for. */
export interface KnownValues {
  readonly cloud: CloudId;
  readonly mailbox: string;
  readonly clientId: string;
  readonly name: string;
  /** The Enterprise application's object id: typed, created, or from the app-only token. */
  readonly servicePrincipalObjectId: string;
}

/**
 * A checklist step's commands with every placeholder the wizard knows filled in; the others
 * (`<mailbox>` before the mailbox is entered) stay for the admin to replace.
 */
export function commandsOf(step: ChecklistStep, known: KnownValues): string[] {
  const values: Record<string, string> = {
    '<connect>': connectExchangeOnline(known.cloud),
    '<mailbox>': known.mailbox.trim(),
    '<client id>': known.clientId.trim(),
    '<object id>': known.servicePrincipalObjectId.trim(),
    // Inside single quotes in PowerShell: a quote is doubled.
    '<name>': known.name.trim().replace(/'/g, "''"),
  };
  return (step.commands ?? []).map((command) =>
    Object.entries(values).reduce((c, [placeholder, value]) => (value ? c.replaceAll(placeholder, value) : c), command),
  );
}

/** The step's prose with the known values filled in (`<mailbox>` in "Enable SMTP AUTH for <mailbox>"). */
export const fillText = (text: string, known: KnownValues): string =>
  known.mailbox.trim() ? text.replaceAll('<mailbox>', known.mailbox.trim()) : text;
