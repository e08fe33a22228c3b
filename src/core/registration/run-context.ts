import { problem } from '../../shared/problem';
import type { Profile, ProfileDraft, ProfileSecretsInput } from '../../shared/profile';
import type { RegistrationRecord, RegistrationStepId } from '../../shared/registration';
import type { RegistrationPlan } from '../../shared/registration-plan';
import type { GraphCalls } from '../graph/graph-calls';
import { ProblemError } from '../problem-error';
import type { ProfileStore } from '../profiles/profile-store';
import type { SecretStore } from '../secrets/secret-store';

/** What every registration step shares: the calls, the plan, progress, and saving as it goes. */

export type RegistrationStage = 'sign-in' | 'tenant' | RegistrationStepId | 'waiting';

export interface RegistrationProgress {
  readonly stage: RegistrationStage;
  readonly message: string;
  /** 0..1 through the steps. */
  readonly fraction?: number;
}

export interface RegistrationDeps {
  readonly secrets: SecretStore;
  readonly profiles: ProfileStore;
  /** Milliseconds since the epoch (tests pass the emulator's clock). */
  readonly now?: () => number;
  /** Tests replace waiting with moving the emulator's clock. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How long to wait for replication, per wait (default 3 minutes). */
  readonly replicationBudgetMs?: number;
}

export interface RunContext {
  readonly deps: RegistrationDeps;
  readonly calls: GraphCalls;
  readonly plan: RegistrationPlan;
  readonly signal?: AbortSignal;
  profile: Profile;
  readonly record: () => RegistrationRecord;
  progress(p: RegistrationProgress): void;
  /** Saves a change of the record (and of the profile, and secrets to the keychain) at once. */
  save(
    change: (r: RegistrationRecord) => Partial<RegistrationRecord>,
    profile?: Partial<ProfileDraft>,
    secrets?: ProfileSecretsInput,
  ): Promise<void>;
  nowIso(): string;
}

export const profileGone = (): ProblemError =>
  new ProblemError(
    problem({
      code: 'PROFILE_NOT_FOUND',
      title: 'The profile no longer exists',
      explanation: 'It was deleted, perhaps in another window, while the app registration was being created.',
      fixSteps: ['Start again from the start screen.'],
    }),
  );

/** Rewrites a profile through the store's one update path, keeping what the patch does not name. */
export async function patchProfile(
  profiles: ProfileStore,
  id: string,
  patch: (p: Profile) => Partial<ProfileDraft>,
  secrets?: ProfileSecretsInput,
): Promise<Profile> {
  const current = await profiles.get(id);
  if (!current) throw profileGone();
  const { id: _id, createdAt: _c, updatedAt: _u, tokenState: _t, ...draft } = current;
  return profiles.update(id, { ...draft, ...patch(current) }, secrets);
}

export function stepDone(ctx: RunContext, step: RegistrationStepId): boolean {
  return ctx.record().steps[step] !== undefined;
}

export function markDone(step: RegistrationStepId, at: string, note?: string) {
  return (r: RegistrationRecord): Partial<RegistrationRecord> => ({
    steps: { ...r.steps, [step]: { at, ...(note ? { note } : {}) } },
  });
}
