// The SMTP AUTH switches (§14.2.4, §14.2.5, §7.5): Set-/Get-CASMailbox per mailbox ($true off, $false
// on, $null follow the organisation) and Set-/Get-TransportConfig for the whole organisation.
import { cmdletErrors } from '../errors';
import { noChangeWarning, type CmdletDefinition } from '../cmdlet';
import { findRecipient } from '../recipients';
import { type Mailbox } from '../../directory';

const disabledValue = (m: Mailbox): boolean | null => (m.smtpAuth === 'inherit' ? null : m.smtpAuth === 'disabled');

const casRow = (m: Mailbox): Record<string, unknown> => ({
  Identity: m.address,
  Name: m.address.split('@')[0],
  PrimarySmtpAddress: m.address,
  SmtpClientAuthenticationDisabled: disabledValue(m),
});

export const getCasMailbox: CmdletDefinition = {
  parameters: ['Identity', 'ResultSize'],
  run(p, { view }) {
    const identity = p.string('Identity');
    if (!identity) return { rows: view.mailboxes.map(casRow) };
    const m = findRecipient(view, identity);
    if (!m) throw cmdletErrors.notFound(identity);
    return { rows: [casRow(m)] };
  },
};

export const setCasMailbox: CmdletDefinition = {
  parameters: ['Identity', 'SmtpClientAuthenticationDisabled'],
  run(p, { view, record }) {
    p.require('Identity');
    const identity = p.string('Identity') ?? '';
    const m = findRecipient(view, identity);
    if (!m) throw cmdletErrors.notFound(identity);
    const value = p.nullableBoolean('SmtpClientAuthenticationDisabled');
    if (value === undefined || value === disabledValue(m)) return { rows: [], warnings: [noChangeWarning(identity)] };
    const next: Mailbox['smtpAuth'] = value === null ? 'inherit' : value ? 'disabled' : 'enabled';
    record((t) => {
      const live = findRecipient(t, m.address);
      if (live) live.smtpAuth = next;
    });
    return { rows: [] };
  },
};

export const getTransportConfig: CmdletDefinition = {
  parameters: [],
  run(_p, { view }) {
    return { rows: [{ Identity: 'Transport Settings', SmtpClientAuthenticationDisabled: view.smtpAuthDisabled }] };
  },
};

export const setTransportConfig: CmdletDefinition = {
  parameters: ['SmtpClientAuthenticationDisabled'],
  run(p, { view, record }) {
    const value = p.nullableBoolean('SmtpClientAuthenticationDisabled');
    if (value === null) throw cmdletErrors.badValue('SmtpClientAuthenticationDisabled', '$null', 'System.Boolean');
    if (value === undefined || value === view.smtpAuthDisabled)
      return { rows: [], warnings: [noChangeWarning('Transport Settings')] };
    record((t) => {
      t.smtpAuthDisabled = value;
    });
    return { rows: [] };
  },
};
