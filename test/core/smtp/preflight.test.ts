import { describe, expect, it } from 'vitest';
import { preflightBlocker, preflightWarnings } from '../../../src/core/smtp/preflight';

describe('preflight', () => {
  it('says nothing when the sender is the mailbox that logs in', () => {
    expect(
      preflightWarnings({
        authUser: 'alice@contoso.com',
        fromAddress: 'Alice@Contoso.com',
        signedInUser: 'alice@contoso.com',
      }),
    ).toEqual([]);
  });

  it('warns that a different From needs Send As for the login mailbox', () => {
    const [w] = preflightWarnings({ authUser: 'noreply@contoso.com', fromAddress: 'sales@contoso.com' });
    expect(w?.code).toBe('SMTP_FROM_DIFFERS');
    expect(w?.commands).toContain(
      'Add-RecipientPermission -Identity sales@contoso.com -Trustee noreply@contoso.com -AccessRights SendAs',
    );
  });

  it('warns that a delegate sending as the shared mailbox needs Send As for the delegate', () => {
    const [w] = preflightWarnings({
      authUser: 'shared@contoso.com',
      fromAddress: 'shared@contoso.com',
      signedInUser: 'erin@contoso.com',
    });
    expect(w?.code).toBe('SMTP_DELEGATE_SEND_AS');
    expect(w?.commands).toContain(
      'Add-RecipientPermission -Identity shared@contoso.com -Trustee erin@contoso.com -AccessRights SendAs',
    );
  });

  it('blocks a check with no mailbox before connecting', () => {
    expect(preflightBlocker({ authUser: ' ', fromAddress: '' })?.code).toBe('SMTP_NO_MAILBOX');
    expect(preflightBlocker({ authUser: 'a@b.c', fromAddress: '' })).toBeUndefined();
  });
});
