// Real-world behaviour of the directory behind Graph that tests switch on (reference §13.3.3, §13.4.3,
// §13.5). Live and mutable: `emu.graph.switches.replicationDelaySeconds = 20` between steps.
import { type AppRegistration } from '../directory';

export interface GraphSwitches {
  /**
   * Seconds of emulator time an application created through Graph stays unknown to the token
   * endpoint (AADSTS700016) and to grants and role assignments that reference its service principal
   * (404 / 400 "Not a valid reference update"), as replication makes it in Entra (§13.5.2).
   */
  replicationDelaySeconds: number;
  /** An app management policy that forbids password credentials: addPassword answers 400 (§13.3.3). */
  blockPasswordCredentials: boolean;
  /** Longest secret lifetime the policy allows; addPassword beyond it (or without an end) answers 400. */
  maxPasswordLifetimeDays: number | null;
  /** HTTP status of a duplicate app role assignment (§13.3.9 leaves it open). */
  duplicateAssignmentStatus: number;
}

export const defaultGraphSwitches = (): GraphSwitches => ({
  replicationDelaySeconds: 0,
  blockPasswordCredentials: false,
  maxPasswordLifetimeDays: null,
  duplicateAssignmentStatus: 400,
});

/** The app was created through Graph less than the replication delay ago. */
export function stillReplicating(app: AppRegistration, switches: GraphSwitches, now: number): boolean {
  return app.createdAt !== undefined && now - app.createdAt < switches.replicationDelaySeconds * 1000;
}
