import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/core/redact';
import { createTranscript } from '../../../src/core/smtp/transcript';
import { fakeJwt } from './fixtures';

describe('createTranscript', () => {
  const token = fakeJwt({ aud: 'https://outlook.office.com' });

  it('labels client and server lines, splits multi-line replies and formats printf arguments', () => {
    const t = createTranscript(() => createRedactor([token]));
    t.logger.debug({ tnx: 'server' }, '250-host Hello\n250 SIZE 157286400');
    t.logger.debug({ tnx: 'client' }, 'EHLO %s', '[127.0.0.1]');
    t.logger.info({ tnx: 'smtp' }, 'User %s authenticated', '"a@b.c"');
    expect(t.lines()).toEqual([
      'S: 250-host Hello',
      'S: 250 SIZE 157286400',
      'C: EHLO [127.0.0.1]',
      '* User "a@b.c" authenticated',
    ]);
  });

  it('redacts every line it gives out, so no line ever holds the token', () => {
    const t = createTranscript(() => createRedactor([token]));
    t.logger.debug(
      { tnx: 'client' },
      `AUTH XOAUTH2 ${Buffer.from(`user=a\x01auth=Bearer ${token}\x01\x01`).toString('base64')}`,
    );
    t.logger.error({ tnx: 'smtp' }, 'failed with %s', token);
    t.note(`note ${token}`);
    expect(t.lines().join('\n')).not.toContain(token);
    expect(t.lines()[1]).toMatch(/^! failed with/);
  });

  it('drops the raw message body and library bookkeeping but keeps the size line', () => {
    const t = createTranscript(() => createRedactor([]));
    t.logger.debug({ tnx: 'message' }, 'Subject: secret plans');
    t.logger.info({ tnx: 'message' }, '<%s bytes encoded mime message>', 650);
    t.logger.debug({ tnx: 'create' }, 'Creating transport');
    t.logger.info({ tnx: 'proxy' }, 'Using proxied socket');
    expect(t.lines()).toEqual(['* <650 bytes encoded mime message>']);
  });

  it('formats and redacts nothing until the transcript is asked for (a passing bulk row never is)', () => {
    let made = 0;
    const t = createTranscript(() => {
      made += 1;
      return createRedactor([token]);
    });
    t.logger.debug({ tnx: 'client' }, 'EHLO %s', 'x');
    t.note('Logging in');
    expect(made).toBe(0);
    expect(t.lines()).toEqual(['C: EHLO x', '* Logging in']);
    expect(made).toBe(1);
  });
});
