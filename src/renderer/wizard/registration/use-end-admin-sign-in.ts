import { useEffect } from 'react';
import { invoke } from '../../ipc/wizard-client';

/**
 * "Create it for me" keeps the administrator's sign-in in the main process while the set-up runs
 * (Continue, Remove and Exchange's part on Verify reuse it). When the wizard goes (Close, finish,
 * Remove) it ends, so no admin token outlives the set-up.
 */
export function useEndAdminSignIn(profileId: string | undefined, createdByApp: boolean): void {
  useEffect(() => {
    if (!profileId || !createdByApp) return undefined;
    return () => void invoke('registration:end', { profileId });
  }, [profileId, createdByApp]);
}
