// CmdletInput.Parameters as PowerShell binds them (§14.2 notation): names case-insensitive,
// switches and booleans as JSON true/false, multi-valued parameters as arrays, `Confirm: false`.
import { cmdletErrors } from './errors';

/** Common parameters every cmdlet takes (PowerShell's CommonParameters and ShouldProcess). */
const COMMON = ['confirm', 'whatif', 'erroraction', 'warningaction', 'verbose', 'debug'];

export class Params {
  private readonly byName = new Map<string, unknown>();

  /** Throws PowerShell's "A parameter cannot be found" for anything outside `allowed`. */
  constructor(raw: unknown, allowed: readonly string[]) {
    const obj = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
    const known = new Set([...allowed.map((a) => a.toLowerCase()), ...COMMON]);
    for (const [name, value] of Object.entries(obj)) {
      if (!known.has(name.toLowerCase())) throw cmdletErrors.unknownParameter(name);
      this.byName.set(name.toLowerCase(), value);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** Mandatory parameters, checked together so the error names all that are missing. */
  require(...names: string[]): void {
    const missing = names.filter((n) => {
      const v = this.byName.get(n.toLowerCase());
      return v === undefined || v === null || v === '';
    });
    if (missing.length > 0) throw cmdletErrors.missing(missing);
  }

  string(name: string): string | undefined {
    const v = this.byName.get(name.toLowerCase());
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') throw cmdletErrors.badValue(name, v, 'System.String');
    return String(v).trim();
  }

  /** A `$true`/`$false`/`$null` parameter; undefined when not given. */
  nullableBoolean(name: string): boolean | null | undefined {
    if (!this.byName.has(name.toLowerCase())) return undefined;
    const v = this.byName.get(name.toLowerCase());
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^\$?(true|false)$/i.test(v)) return /true/i.test(v);
    throw cmdletErrors.badValue(name, v, 'System.Boolean');
  }

  /** Multi-valued parameter: an array, or one value (PowerShell binds a scalar to an array). */
  list(name: string): string[] | undefined {
    const v = this.byName.get(name.toLowerCase());
    if (v === undefined || v === null) return undefined;
    const items = Array.isArray(v) ? (v as unknown[]) : [v];
    return items.map((x) => {
      if (typeof x !== 'string') throw cmdletErrors.badValue(name, x, 'System.String[]');
      return x.trim();
    });
  }
}
