import { describe, expect, it } from 'vitest';
import { diagnoseSmtp, type SmtpDiagnosisContext } from '../../../src/core/diagnose/smtp';
import { SocketOpenError } from '../../../src/core/smtp/open-socket';
import { makeProfile } from '../smtp/fixtures';

const profile = makeProfile();
const ctx: SmtpDiagnosisContext = { profile, authUser: profile.mailbox, fromAddress: profile.fromAddress };
/** nodemailer keeps the system code in `originalCode` when it puts its own in `code`. */
const nm = (message: string, code: string, originalCode?: string): Error =>
  Object.assign(new Error(message), { code, ...(originalCode ? { originalCode } : {}) });

describe('diagnoseSmtp: network and TLS failures', () => {
  it('refused connection -> port 587 blocked or wrong, with Test-NetConnection', () => {
    const p = diagnoseSmtp(new SocketOpenError('connect ECONNREFUSED 1.2.3.4:587', 'ECONNREFUSED', 'connect'), ctx);
    expect(p.code).toBe('SMTP_CONNECTION_REFUSED');
    expect(p.commands).toEqual(['Test-NetConnection -ComputerName smtp.office365.com -Port 587']);
  });

  it('timed-out connection -> port 587 blocked by firewall or ISP', () => {
    const p = diagnoseSmtp(new SocketOpenError('No answer', 'ETIMEDOUT', 'connect'), ctx);
    expect(p.code).toBe('SMTP_PORT_BLOCKED');
    expect(p.explanation).toMatch(/firewall/);
    expect(p.retryable).toBe(true);
  });

  it('unknown host', () => {
    const p = diagnoseSmtp(
      new SocketOpenError('getaddrinfo ENOTFOUND smtp.office365.con', 'ENOTFOUND', 'connect'),
      ctx,
    );
    expect(p.code).toBe('SMTP_HOST_NOT_FOUND');
    expect(p.field).toBe('smtpHost');
  });

  it('untrusted certificate -> TLS inspection, trust its CA', () => {
    const p = diagnoseSmtp(nm('Error initiating TLS - self-signed certificate in certificate chain', 'ETLS'), ctx);
    expect(p.code).toBe('SMTP_TLS_UNTRUSTED');
    expect(p.field).toBe('network.extraCaPem');
    expect(p.fixSteps.join(' ')).toMatch(/Extra trusted CA/);
  });

  it('certificate for another name', () => {
    const p = diagnoseSmtp(
      nm(
        "Error initiating TLS - Hostname/IP does not match certificate's altnames: IP: 10.0.0.1 is not in the cert's list",
        'ETLS',
      ),
      ctx,
    );
    expect(p.code).toBe('SMTP_TLS_NAME_MISMATCH');
  });

  it('TLS version too old', () => {
    const p = diagnoseSmtp(nm('Error initiating TLS - tlsv1 alert protocol version', 'ETLS'), ctx);
    expect(p.code).toBe('SMTP_TLS_VERSION');
  });

  it('server that refuses STARTTLS', () => {
    const p = diagnoseSmtp(
      Object.assign(nm('Error upgrading connection with STARTTLS', 'ETLS'), {
        response: '454 4.7.0 TLS not available',
        responseCode: 454,
        command: 'STARTTLS',
      }),
      ctx,
    );
    expect(p.code).toBe('SMTP_STARTTLS_FAILED');
  });

  it('proxy asks for a login (407)', () => {
    const p = diagnoseSmtp(new SocketOpenError('Proxy refused CONNECT with HTTP 407', 'EPROXY', 'proxy', 407), ctx);
    expect(p.code).toBe('PROXY_AUTH_REQUIRED');
  });

  it('proxy refuses the tunnel to port 587', () => {
    const p = diagnoseSmtp(new SocketOpenError('Proxy refused CONNECT with HTTP 403', 'EPROXY', 'proxy', 403), ctx);
    expect(p.code).toBe('PROXY_REFUSED');
    expect(p.explanation).toMatch(/HTTP 403/);
  });

  it('proxy unreachable', () => {
    const p = diagnoseSmtp(new SocketOpenError('connect ECONNREFUSED 127.0.0.1:3128', 'ECONNREFUSED', 'proxy'), ctx);
    expect(p.code).toBe('PROXY_UNREACHABLE');
  });

  it('connection dropped mid-conversation is retryable', () => {
    const p = diagnoseSmtp(nm('Connection closed unexpectedly', 'ECONNECTION'), ctx);
    expect(p.code).toBe('SMTP_CONNECTION_DROPPED');
    expect(p.retryable).toBe(true);
  });

  it('never shows proxy credentials', () => {
    const withCreds = {
      ...ctx,
      profile: makeProfile({ network: { proxyUrl: 'http://bob:hunter2@proxy:3128', extraCaPem: '', timeoutMs: 1000 } }),
    };
    const p = diagnoseSmtp(new SocketOpenError('Proxy refused', 'EPROXY', 'proxy', 403), withCreds);
    expect(JSON.stringify(p)).not.toContain('hunter2');
  });
});
