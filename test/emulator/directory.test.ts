import { describe, expect, it } from 'vitest';
import { findMailbox, findTenant, loadDefaultDirectory, type Mailbox } from './directory';

describe('the emulator’s mailbox lookup (indexed)', () => {
  it('finds mailboxes by address in any case, and follows the live directory as tests change it', () => {
    const contoso = findTenant(loadDefaultDirectory(), 'contoso.com');
    if (!contoso) throw new Error('no Contoso in the sample world');
    const first = contoso.mailboxes[0] as Mailbox;
    expect(findMailbox(contoso, first.address.toUpperCase())).toBe(first);
    expect(findMailbox(contoso, 'new@contoso.com')).toBeUndefined();

    const added: Mailbox = { ...first, address: 'new@contoso.com' };
    contoso.mailboxes.unshift(added);
    expect(findMailbox(contoso, 'NEW@contoso.com')).toBe(added);
    expect(findMailbox(contoso, first.address)).toBe(first);

    added.address = 'renamed@contoso.com';
    expect(findMailbox(contoso, 'new@contoso.com')).toBeUndefined();
    expect(findMailbox(contoso, 'renamed@contoso.com')).toBe(added);
    contoso.mailboxes.shift();
    expect(findMailbox(contoso, 'renamed@contoso.com')).toBeUndefined();
    expect(findMailbox(contoso, first.address)).toBe(first);
  });
});
