import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { settingsSchema, type Settings } from '../../shared/settings';
import { writeFileAtomic } from '../profiles/atomic-file';

/**
 * settings.json beside profiles.json: small, rarely written, read when a window opens. A file
 * that cannot be read gives the defaults (nothing in it is worth stopping the app for); writes
 * are atomic like the profile file's.
 */
export interface SettingsStore {
  get(): Promise<Settings>;
  save(next: Settings): Promise<Settings>;
}

const FILE_VERSION = 1;
const fileSchema = z.object({ version: z.literal(FILE_VERSION), settings: settingsSchema });

export const settingsFileIn = (dataDir: string): string => join(dataDir, 'settings.json');

export function createSettingsStore(file: string): SettingsStore {
  const defaults = (): Settings => settingsSchema.parse({});
  return {
    async get() {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch {
        return defaults();
      }
      try {
        const parsed = fileSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data.settings : defaults();
      } catch {
        return defaults();
      }
    },
    async save(next) {
      const settings = settingsSchema.parse(next);
      await writeFileAtomic(file, `${JSON.stringify({ version: FILE_VERSION, settings }, null, 1)}\n`);
      return settings;
    },
  };
}
