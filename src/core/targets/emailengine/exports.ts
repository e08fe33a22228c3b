import type { Profile } from '../../../shared/profile';
import { type ExportContext, hiddenValue, placeholders } from '../common/context';
import { field, fieldsOutput, fileOutput, type OutputDraft } from '../common/output';

/**
 * EmailEngine: the Outlook OAuth2 application (dashboard form and REST body for
 * POST /v1/oauth2) and an account registration (POST /v1/account) that hands
 * EmailEngine the refresh token acquired here.
 */

type BaseScope = { readonly api: 'imap' | 'api'; readonly label: 'IMAP and SMTP' | 'MS Graph API' };

/** Graph's Mail.* scopes mean the "MS Graph API" backend; Outlook's IMAP/SMTP scopes mean "IMAP and SMTP". */
function baseScopeOf(profile: Profile): BaseScope {
  const graph = profile.scopes.some((s) => /(^|\/)Mail\.(ReadWrite|Send)$/i.test(s) && !/outlook\./i.test(s));
  return graph ? { api: 'api', label: 'MS Graph API' } : { api: 'imap', label: 'IMAP and SMTP' };
}

/** EmailEngine's "Account types": common, organizations, consumers or a directory (tenant) id. */
const accountType = (tenant: string): string => tenant.trim();

/** EmailEngine names clouds like this app does, except that a custom authority is not one of them. */
const eeCloud = (profile: Profile): string => (profile.cloud === 'custom' ? 'global' : profile.cloud);

export function emailEngineExports(ctx: ExportContext): OutputDraft[] {
  const p = ctx.profile;
  const base = baseScopeOf(p);
  const clientSecret = ctx.reveal('clientSecret');
  const app = {
    name: p.name,
    provider: 'outlook',
    enabled: true,
    clientId: p.clientId,
    clientSecret: clientSecret ?? placeholders.clientSecret,
    baseScopes: base.api,
    authority: accountType(p.tenant),
    cloud: eeCloud(p),
    redirectUrl: p.redirectUri,
  };
  const account = {
    account: p.mailbox.split('@')[0] ?? p.mailbox,
    name: p.name,
    email: p.fromAddress,
    oauth2: {
      provider: '<the id EmailEngine returned for the OAuth2 application>',
      auth: { user: p.mailbox },
      refreshToken: ctx.reveal('refreshToken') ?? placeholders.refreshToken,
    },
  };
  return [
    fieldsOutput({
      name: 'emailengine-outlook-oauth2-app.txt',
      title: 'EmailEngine: Outlook OAuth2 application',
      description:
        'EmailEngine dashboard > Configuration > OAuth2 > new "Outlook" application. Tick "Enable this app". The redirect URL must be exactly the one registered in Entra.',
      fields: [
        field('Name', p.name),
        field('Application Id', p.clientId),
        field('Client Secret', clientSecret ?? hiddenValue, true),
        field('Redirect URL', p.redirectUri),
        field('Account types', accountType(p.tenant)),
        field('Azure cloud', eeCloud(p)),
        field('Base scope', base.label),
        field('Enable this app', true),
      ],
    }),
    fileOutput({
      name: 'emailengine-oauth2-app.json',
      title: 'EmailEngine: OAuth2 application (REST body)',
      description:
        'Body for POST /v1/oauth2 of the EmailEngine API; its response carries the application id the account below needs.',
      language: 'json',
      content: JSON.stringify(app, null, 2),
    }),
    fileOutput({
      name: 'emailengine-account.json',
      title: 'EmailEngine: account with the refresh token (REST body)',
      description:
        'Body for POST /v1/account: registers the mailbox with the refresh token acquired here, so nobody has to sign in again through EmailEngine. Put the OAuth2 application id into oauth2.provider.',
      language: 'json',
      content: JSON.stringify(account, null, 2),
    }),
  ];
}
