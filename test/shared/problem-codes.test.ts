import { describe, expect, it } from 'vitest';
import { problem } from '../../src/shared/problem';
import { categoryOf, PROBLEM_CATEGORIES, problemCodes } from '../../src/shared/problem-codes';
import { problemSchema } from '../../src/shared/problem-schema';

const body = { title: 't', explanation: 'e', fixSteps: [] };

describe('the problem-code registry', () => {
  it('gives every registered code one of the four categories, and problem() copies it', () => {
    for (const [code, category] of Object.entries(problemCodes)) {
      expect(PROBLEM_CATEGORIES).toContain(category);
      expect(problem({ ...body, code: code as keyof typeof problemCodes }).category).toBe(category);
    }
  });

  it('lets a rule that knows better override a registered category, and family codes state theirs', () => {
    expect(problem({ ...body, code: 'UNEXPECTED', category: 'transient' }).category).toBe('transient');
    expect(problem({ ...body, code: 'AADSTS50057', category: 'setup' }).category).toBe('setup');
    expect(categoryOf('AADSTS50057')).toBeUndefined();
  });

  it('makes transient problems retryable unless told otherwise', () => {
    expect(problem({ ...body, code: 'SMTP_TIMEOUT' }).retryable).toBe(true);
    expect(problem({ ...body, code: 'SMTP_TOKEN_EXPIRED', retryable: false }).retryable).toBe(false);
    expect(problem({ ...body, code: 'PROFILE_INVALID' }).retryable).toBe(false);
  });

  it('does not compile with an unregistered code, or a family code without a category', () => {
    // @ts-expect-error: not in problem-codes.ts
    problem({ ...body, code: 'NOT_A_REGISTERED_CODE' });
    // @ts-expect-error: a server-numbered code must say its category
    problem({ ...body, code: 'AADSTS50057' });
    // @ts-expect-error: a code built from a plain string is not known to be registered
    problem({ ...body, code: String('KEYCHAIN_LOCKED') });
    expect(true).toBe(true);
  });

  it('round-trips through the wire schema with its category and remedy', () => {
    const p = problem({
      ...body,
      code: 'SMTP_535_5.7.139_MAILBOX_DISABLED',
      remedy: {
        kind: 'exchange',
        cmdlets: [
          { name: 'Set-CASMailbox', parameters: { Identity: 'a@b.c', SmtpClientAuthenticationDisabled: false } },
        ],
      },
    });
    expect(problemSchema.parse(JSON.parse(JSON.stringify(p)))).toEqual(p);
    expect(problemSchema.safeParse({ ...p, category: 'unknown' }).success).toBe(false);
  });
});
