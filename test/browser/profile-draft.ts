import type { Profile, ProfileDraft } from '../../src/shared/profile';

/** The fields a user types for a profile, to save a test's fixture profile through the real store. */
export const draftOf = (p: Profile): ProfileDraft => {
  const { id: _i, createdAt: _c, updatedAt: _u, tokenState: _t, ...draft } = p;
  return draft;
};
