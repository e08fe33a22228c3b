import { describe, expect, it } from 'vitest';
import { isPlausibleMailbox } from '../../src/shared/mailbox-address';
import { looksLikeEmail, validateProfileDraft } from '../../src/shared/profile-validation';

describe('one mailbox-address check for the window, the CLI and bulk runs', () => {
  const pasted = [
    'alice@contoso.com;',
    'alice@contoso.com, bob@contoso.com',
    'Alice <alice@contoso.com>',
    '<alice@contoso.com>',
    'alice@contoso..com',
    'alice@contoso',
  ];

  it('refuses a mailbox pasted with a list separator or angle brackets, which would fail the SMTP login later', () => {
    for (const mailbox of pasted) {
      const issues = validateProfileDraft({ mailbox });
      expect(issues.find((i) => i.field === 'mailbox')?.severity, mailbox).toBe('error');
    }
    expect(validateProfileDraft({ mailbox: ' alice@contoso.com ' }).find((i) => i.field === 'mailbox')).toBeUndefined();
  });

  it('gives the window and the command line the same answer', () => {
    for (const s of [...pasted, 'alice@contoso.com', 'shared.mailbox+tag@sub.contoso.co.uk']) {
      expect(looksLikeEmail(s), s).toBe(isPlausibleMailbox(s.trim()));
    }
  });
});
