// One cmdlet of the stand-in: the parameters it binds and what it does to the tenant.
import { type Tenant } from '../directory';
import { type Params } from './params';
import { type Change } from './propagation';

export interface CmdletCall {
  /** Exchange's configuration as cmdlets see it (includes changes still propagating). Read only. */
  readonly view: Tenant;
  /** Makes a change: visible to later cmdlets now, to SMTP after the propagation time. */
  record(apply: Change): void;
}

export interface CmdletOutput {
  readonly rows: readonly Record<string, unknown>[];
  /** Returned as `@adminapi.warnings` (§14.1.4). */
  readonly warnings?: readonly string[];
}

export interface CmdletDefinition {
  /** Parameter names besides the common ones (case as Microsoft documents them). */
  readonly parameters: readonly string[];
  run(p: Params, call: CmdletCall): CmdletOutput;
}

/** Exchange's warning for a Set-* that changed nothing. */
export const noChangeWarning = (identity: string): string =>
  `The command completed successfully but no settings of '${identity}' have been modified.`;
