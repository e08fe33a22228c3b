import { type ExportContext, hiddenValue } from '../common/context';
import { field, fieldsOutput, type OutputDraft } from '../common/output';

/** Onit's provider asks for Graph's SMTP.Send scope, whatever the profile signed in with. */
export const ONIT_SCOPE = 'https://graph.microsoft.com/SMTP.Send';

/** Onit's Tenant drop-down offers the multi-tenant aliases; its guide picks "Organizations". */
function onitTenant(tenant: string): string {
  const t = tenant.trim().toLowerCase();
  if (t === 'common') return 'Common';
  if (t === 'consumers') return 'Consumers';
  return 'Organizations';
}

/** "the domain of the exchange setup", which Onit's guide shows as the name without the suffix. */
function onitDomain(mailbox: string): string {
  const domain = mailbox.split('@')[1] ?? '';
  return domain.split('.')[0] ?? '';
}

export function onitExports(ctx: ExportContext): OutputDraft[] {
  const p = ctx.profile;
  return [
    fieldsOutput({
      name: 'onit-smtp-oauth-provider.txt',
      placement: 'Onit > Auth Providers > new "MS SMTP OAuth2" provider',
      title: 'Onit: MS SMTP OAuth2 auth provider',
      description:
        'Onit > Auth Providers > new "MS SMTP OAuth2" provider. Type these values, tick "Enabled" and Save. The refresh token is required when the provider is created.',
      fields: [
        field('Name', p.name),
        field('Display Name', p.name),
        field('Address', p.smtpHost),
        field('Port', p.smtpPort),
        field('Domain', onitDomain(p.mailbox)),
        field('User Name (email)', p.mailbox),
        field('Tenant', onitTenant(p.tenant)),
        field('Application (client) ID', p.clientId),
        field('Client secret', ctx.reveal('clientSecret') ?? hiddenValue, true),
        field('Scope', ONIT_SCOPE),
        field('Redirect URI', p.redirectUri),
        field('Refresh Token', ctx.reveal('refreshToken') ?? hiddenValue, true),
      ],
    }),
  ];
}
