// Exchange applies admin changes to mail flow later than it reports them (§7.4, §13.5.2): a change
// made through InvokeCommand is visible to the next cmdlet at once, and to the SMTP server only
// after `propagationMinutes` of emulator time. The live directory is what SMTP reads; pending
// changes wait here and are applied to it, in the order they were made, once due.
import { type Clock } from '../clock';
import { type Directory, type Tenant } from '../directory';

/** A change to one tenant, addressing objects by key so it applies to a copy as well as to the original. */
export type Change = (tenant: Tenant) => void;

interface Pending {
  readonly tenantId: string;
  readonly dueAt: number;
  readonly apply: Change;
}

export class Propagation {
  private pending: Pending[] = [];

  constructor(
    private readonly directory: Directory,
    private readonly clock: Clock,
    private readonly minutes: () => number,
  ) {}

  /** Records a change: cmdlets see it now, SMTP once the propagation time has passed. */
  record(tenant: Tenant, apply: Change): void {
    this.pending.push({ tenantId: tenant.id, dueAt: this.clock.now() + this.minutes() * 60_000, apply });
    this.settle();
  }

  /** Applies every change that is due to the live directory (called before SMTP reads it). */
  settle(): void {
    const now = this.clock.now();
    const due = this.pending.filter((p) => p.dueAt <= now);
    if (due.length === 0) return;
    this.pending = this.pending.filter((p) => p.dueAt > now);
    for (const p of due) {
      const tenant = this.directory.tenants.find((t) => t.id === p.tenantId);
      if (tenant) p.apply(tenant);
    }
  }

  /** The tenant as Exchange's configuration has it: the live one plus every change still on its way. */
  configured(tenant: Tenant): Tenant {
    const mine = this.pending.filter((p) => p.tenantId === tenant.id);
    if (mine.length === 0) return tenant;
    const copy = structuredClone(tenant);
    for (const p of mine) p.apply(copy);
    return copy;
  }

  /** Emulator-clock time when the last pending change reaches SMTP, or undefined when none is pending. */
  settledAt(): number | undefined {
    return this.pending.length === 0 ? undefined : Math.max(...this.pending.map((p) => p.dueAt));
  }
}
