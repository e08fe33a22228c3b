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

/**
 * The Outlook OAuth2 form's "Supported account types" radio (EmailEngine views/partials/oauth_form.hbs):
 * the multi-tenant aliases have their own option; anything else is one directory, whose id goes
 * into the separate "Directory (tenant) ID" field.
 */
const accountTypeOptions: Readonly<Record<string, string>> = {
  organizations: 'Accounts in any organizational directory (Any Microsoft Entra ID tenant - Multitenant)',
  common:
    'Accounts in any organizational directory (Any Microsoft Entra ID tenant - Multitenant) and personal Microsoft accounts (e.g. Skype, Xbox)',
  consumers: 'Personal Microsoft accounts only',
};
const singleTenantOption = 'Accounts in the specified organizational directory only (Single tenant)';

function accountTypeFields(tenant: string) {
  const t = tenant.trim();
  const alias = accountTypeOptions[t.toLowerCase()];
  return alias
    ? [field('Supported account types', alias)]
    : [field('Supported account types', singleTenantOption), field('Directory (tenant) ID', t)];
}

/** The REST body's `authority`: common, organizations, consumers or the directory (tenant) id. */
const authorityOf = (tenant: string): string => tenant.trim();

/** EmailEngine names clouds like this app does, except that a custom authority is not one of them. */
const eeCloud = (profile: Profile): string => (profile.cloud === 'custom' ? 'global' : profile.cloud);

/** The option text of the form's "Azure cloud environment" select (lib/ui-routes/oauth-config-routes.js). */
const cloudOptions: Readonly<Record<string, string>> = {
  global: 'Azure global service',
  'gcc-high': 'GCC High',
  dod: 'DoD',
  china: 'Azure China',
};

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
    authority: authorityOf(p.tenant),
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
      placement: 'EmailEngine dashboard > Configuration > OAuth2 > new "Outlook" application',
      title: 'EmailEngine: Outlook OAuth2 application',
      description:
        'EmailEngine dashboard > Configuration > OAuth2 > new "Outlook" application: the labels below are the form\'s own. Tick "Enable this app"; the Redirect URL must be exactly the one registered in Entra.',
      fields: [
        field('Application name', p.name),
        field('Enable this app', true),
        field('Azure Application Id', p.clientId),
        field('Client Secret', clientSecret ?? hiddenValue, true),
        field('Azure cloud environment', cloudOptions[eeCloud(p)] ?? eeCloud(p)),
        ...accountTypeFields(p.tenant),
        field('Redirect URL', p.redirectUri),
        field('Base scopes', base.label),
      ],
    }),
    fileOutput({
      name: 'emailengine-oauth2-app.json',
      placement: 'EmailEngine API: POST /v1/oauth2 (instead of the dashboard form)',
      title: 'EmailEngine: OAuth2 application (REST body)',
      description:
        'Body for POST /v1/oauth2 of the EmailEngine API; its response carries the application id the account below needs.',
      language: 'json',
      content: JSON.stringify(app, null, 2),
    }),
    fileOutput({
      name: 'emailengine-account.json',
      placement: 'EmailEngine API: POST /v1/account, after the OAuth2 application exists',
      title: 'EmailEngine: account with the refresh token (REST body)',
      description:
        'Body for POST /v1/account: registers the mailbox with the refresh token acquired here, so nobody has to sign in again through EmailEngine. Put the OAuth2 application id into oauth2.provider.',
      language: 'json',
      content: JSON.stringify(account, null, 2),
    }),
  ];
}
