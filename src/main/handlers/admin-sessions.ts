import type { AdminSession } from '../../core/registration/admin-session';

/**
 * The administrator sign-ins of "Create it for me", one per profile, in this process's memory only
 * (never the keychain or a file). Kept while that set-up runs, so Continue, Remove and Exchange's
 * part on Verify need no second sign-in; the window ends it when the set-up is closed or finished.
 */
export interface AdminSessions {
  get(profileId: string): AdminSession | undefined;
  /** Keeps `session` for the profile, closing the one it replaces. */
  keep(profileId: string, session: AdminSession): void;
  /** Forgets the profile's sign-in and its tokens; false when there was none. */
  end(profileId: string): boolean;
}

export function createAdminSessions(): AdminSessions {
  const sessions = new Map<string, AdminSession>();
  const end = (profileId: string): boolean => {
    const kept = sessions.get(profileId);
    kept?.close();
    return sessions.delete(profileId);
  };
  return {
    get: (profileId) => sessions.get(profileId),
    keep(profileId, session) {
      if (sessions.get(profileId) !== session) end(profileId);
      sessions.set(profileId, session);
    },
    end,
  };
}
