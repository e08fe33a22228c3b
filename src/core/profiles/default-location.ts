import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the desktop app keeps its data: the same folder Electron's
 * `app.getPath('userData')` gives for the product name, so the command line and the
 * window share one profile file (and, through the service name, one keychain).
 * Worked out here without Electron because the CLI must not import it.
 */
export const APP_DIR_NAME = 'SMTP OAuth Wizard';

/** Overrides the data folder for both the app and the CLI (portable installs, tests). */
export const DATA_DIR_ENV = 'SMTP_OAUTH_WIZARD_HOME';

export const PROFILES_FILE_NAME = 'profiles.json';

export interface LocationInput {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
}

/** The per-user data folder: env override first, then the platform's convention. */
export function defaultDataDir(input: LocationInput = {}): string {
  const env = input.env ?? process.env;
  const override = env[DATA_DIR_ENV]?.trim();
  if (override) return override;
  const platform = input.platform ?? process.platform;
  const home = input.home ?? homedir();
  if (platform === 'win32') return join(env.APPDATA?.trim() || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), APP_DIR_NAME);
}

/** The profile file inside a data folder. */
export const profilesFileIn = (dataDir: string): string => join(dataDir, PROFILES_FILE_NAME);
