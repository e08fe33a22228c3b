import { describe, expect, it } from 'vitest';
import { parseProxyAddress, proxyFieldIssues } from '../../src/shared/proxy-address';
import { validateProfileDraft } from '../../src/shared/profile-validation';

const ok = (text: string) => {
  const r = parseProxyAddress(text);
  if (!r.ok) throw new Error(`expected "${text}" to parse: ${r.message}`);
  return r.proxy;
};
const message = (text: string) => {
  const r = parseProxyAddress(text);
  if (r.ok) throw new Error(`expected "${text}" to be refused`);
  return r.message;
};

describe('the one proxy address parser', () => {
  it('reads host:port without a scheme as an http proxy, the way HTTPS_PROXY is often written', () => {
    expect(ok('proxy.corp.example:8080')).toEqual({
      protocol: 'http:',
      hostname: 'proxy.corp.example',
      port: 8080,
      username: '',
      password: '',
      shown: 'http://proxy.corp.example:8080',
    });
    expect(ok('  10.0.0.5:3128 ').shown).toBe('http://10.0.0.5:3128');
  });

  it('reads http:// and https:// proxies, with the scheme’s default port when none is given', () => {
    expect(ok('http://proxy.corp.example')).toMatchObject({ protocol: 'http:', port: 80 });
    expect(ok('HTTPS://proxy.corp.example')).toMatchObject({ protocol: 'https:', port: 443 });
    expect(ok('https://proxy.corp.example:8443/')).toMatchObject({ protocol: 'https:', port: 8443 });
    expect(ok('http://[::1]:3128')).toMatchObject({ hostname: '::1', shown: 'http://[::1]:3128' });
  });

  it('decodes a login, also one whose password holds an unescaped @, and never shows it', () => {
    const p = ok('http://bob:p@ss%3Aw0rd@proxy:8080');
    expect(p).toMatchObject({ username: 'bob', password: 'p@ss:w0rd', hostname: 'proxy', port: 8080 });
    expect(p.shown).toBe('http://proxy:8080');
    expect(ok('bob:secret@proxy:3128')).toMatchObject({ protocol: 'http:', username: 'bob', password: 'secret' });
  });

  it('refuses what is not an HTTP proxy, saying what to enter instead', () => {
    expect(message('socks5://proxy:1080')).toMatch(/only HTTP proxies .* not socks5:/);
    expect(message('javascript:alert(1)')).toMatch(/"javascript:" is not a proxy address/);
    expect(message('http://proxy:8080/path')).toMatch(/without a path/);
    expect(message('http://proxy:99999')).toMatch(/not an address/);
    expect(message('proxy with spaces:80')).toMatch(/not an address/);
    expect(message('x'.repeat(3000))).toMatch(/3000 characters/);
  });

  it('is the check the profile form and the save run, on the proxyUrl field; empty means none', () => {
    expect(proxyFieldIssues('')).toEqual([]);
    expect(proxyFieldIssues('proxy.corp.example:8080')).toEqual([]);
    const issues = validateProfileDraft({ network: { proxyUrl: 'socks5://p:1', extraCaPem: '', timeoutMs: 30_000 } });
    expect(issues.filter((i) => i.field === 'proxyUrl')).toEqual([
      { field: 'proxyUrl', severity: 'error', message: expect.stringMatching(/^Proxy: only HTTP proxies/) },
    ]);
  });
});
