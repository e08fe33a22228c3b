import { type ExportContext, hiddenValue } from '../common/context';
import { field, fieldsOutput, type OutputDraft } from '../common/output';

/**
 * Akumina: tenant settings for XOAuth2 SMTP. Akumina acquires and keeps its own token
 * (App Manager > Settings > Acquire), so it needs the app's identity, not a refresh token.
 */
export function akuminaExports(ctx: ExportContext): OutputDraft[] {
  const p = ctx.profile;
  return [
    fieldsOutput({
      name: 'akumina-tenant-settings.txt',
      placement: 'Akumina Tenant Config/Settings, then App Manager > Settings to acquire the token',
      title: 'Akumina: tenant settings for XOAuth2 SMTP',
      description:
        'Akumina Tenant Config/Settings: turn on SmtpUseXOAuth2 and set these values. Then, in App Manager > Settings, acquire the token while signed in as the SmtpEmailFrom user (in a private browser window).',
      fields: [
        field('SmtpUseXOAuth2', true),
        field('SmtpClientId', p.clientId),
        field('SmtpClientSecret', ctx.reveal('clientSecret') ?? hiddenValue, true),
        field('SmtpEmailFrom', p.mailbox),
        field('OutlookUri', ctx.appOnlyResource),
        field('SMTP host', p.smtpHost),
        field('AppSettings BackgroundUser', `OAuth:Background~${p.mailbox}`),
      ],
    }),
  ];
}
