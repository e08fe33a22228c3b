import { describe, expect, it } from 'vitest';
import { NetworkFailure } from '../../../src/core/net/network-failure';
import { proxyFor } from '../../../src/core/net/proxy';

describe('proxyFor: one rule for sign-in and the SMTP check', () => {
  it('uses the profile’s proxy for every host, loopback too: it was set on purpose', () => {
    expect(proxyFor('smtp.office365.com', 'proxy.corp.example:8080', {})?.shown).toBe('http://proxy.corp.example:8080');
    expect(proxyFor('127.0.0.1', 'https://proxy.corp.example', { NO_PROXY: '*' })?.shown).toBe(
      'https://proxy.corp.example:443',
    );
  });

  it('else HTTPS_PROXY (scheme-less too), unless NO_PROXY or a loopback host exempts the target', () => {
    const env = { HTTPS_PROXY: 'proxy.corp.example:8080' };
    expect(proxyFor('login.microsoftonline.com', '', env)?.shown).toBe('http://proxy.corp.example:8080');
    expect(proxyFor('smtp.office365.com', '', env)?.shown).toBe('http://proxy.corp.example:8080');
    expect(proxyFor('smtp.office365.com', '', { ...env, NO_PROXY: 'office365.com' })).toBeNull();
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', 'emu.localhost'])
      expect(proxyFor(host, '', env)).toBeNull();
    expect(proxyFor('smtp.office365.com', '', {})).toBeNull();
  });

  it('refuses an unreadable address before anything connects, saying where it came from and never the password', () => {
    const fromEnv = (() => {
      try {
        proxyFor('login.microsoftonline.com', '', { HTTPS_PROXY: 'socks5://bob:hunter22@proxy:1080' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(fromEnv).toBeInstanceOf(NetworkFailure);
    expect(fromEnv).toMatchObject({ kind: 'proxy-unreachable', code: 'INVALID_PROXY_URL' });
    expect(((fromEnv as NetworkFailure).cause as Error).message).toMatch(/from HTTPS_PROXY/);
    expect(String((fromEnv as NetworkFailure).message)).not.toContain('hunter22');
  });
});
