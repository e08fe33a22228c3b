import { useCallback, useState } from 'react';
import {
  type AemExportSettings,
  aemExportSettingsSchema,
  defaultAemExportSettings,
} from '../../../shared/export-output';

/** Per profile, in the window's own storage: the choice is about the AEM environment, not the profile. */
const keyOf = (profileId: string): string => `sow:aem-export:${profileId}`;

function read(profileId: string): AemExportSettings {
  try {
    const text = window.localStorage.getItem(keyOf(profileId));
    const parsed = text ? aemExportSettingsSchema.safeParse(JSON.parse(text)) : undefined;
    return parsed?.success ? parsed.data : defaultAemExportSettings;
  } catch {
    return defaultAemExportSettings;
  }
}

/**
 * How this profile's AEM reaches SMTP (Cloud Service through the egress proxy, or direct)
 * and the port forward's port, remembered per profile by the window (issue 14.10).
 */
export function useAemSettings(profileId: string): [AemExportSettings, (next: AemExportSettings) => void] {
  const [settings, setSettings] = useState(() => read(profileId));
  const update = useCallback(
    (next: AemExportSettings) => {
      setSettings(next);
      try {
        window.localStorage.setItem(keyOf(profileId), JSON.stringify(next));
      } catch {
        // Storage refused (private mode, quota): the choice lasts for this window only.
      }
    },
    [profileId],
  );
  return [settings, update];
}
