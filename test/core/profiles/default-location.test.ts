import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, profilesFileIn } from '../../../src/core/profiles/default-location';

describe('the app data folder shared by the desktop app and the CLI', () => {
  it('is where Electron puts userData for "SMTP OAuth Wizard" on each platform', () => {
    expect(
      defaultDataDir({
        env: { APPDATA: 'C:\\Users\\amy\\AppData\\Roaming' },
        platform: 'win32',
        home: 'C:\\Users\\amy',
      }),
    ).toBe(join('C:\\Users\\amy\\AppData\\Roaming', 'SMTP OAuth Wizard'));
    expect(defaultDataDir({ env: {}, platform: 'darwin', home: '/Users/amy' })).toBe(
      '/Users/amy/Library/Application Support/SMTP OAuth Wizard',
    );
    expect(defaultDataDir({ env: {}, platform: 'linux', home: '/home/amy' })).toBe(
      '/home/amy/.config/SMTP OAuth Wizard',
    );
    expect(defaultDataDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home: '/home/amy' })).toBe(
      '/cfg/SMTP OAuth Wizard',
    );
  });

  it('follows SMTP_OAUTH_WIZARD_HOME on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(
        defaultDataDir({
          env: { SMTP_OAUTH_WIZARD_HOME: '/portable/data', APPDATA: 'x', XDG_CONFIG_HOME: 'y' },
          platform,
          home: '/h',
        }),
      ).toBe('/portable/data');
    }
    expect(profilesFileIn('/portable/data')).toBe(join('/portable/data', 'profiles.json'));
  });
});
