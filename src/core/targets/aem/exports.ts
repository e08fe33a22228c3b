import { type ExportContext, hiddenValue } from '../common/context';
import { field, fieldsOutput, fileOutput, type OutputDraft } from '../common/output';

/**
 * Adobe Experience Manager as a Cloud Service: the two OSGi configuration files of the
 * Mail Service and the Cloud Manager secret variables they reference. The files always
 * carry AEM's own `$[secret:...]` references; the values go into Cloud Manager.
 */

export const AEM_CLIENT_SECRET_VAR = 'SECRET_SMTP_OAUTH_CLIENT_SECRET';
export const AEM_REFRESH_TOKEN_VAR = 'SECRET_SMTP_OAUTH_REFRESH_TOKEN';
const CONFIG_DIR = '/apps/<my-project>/osgiconfig/config';

export function aemExports(ctx: ExportContext): OutputDraft[] {
  const p = ctx.profile;
  const oauthConfig = {
    authUrl: ctx.authorizeUrl,
    tokenUrl: ctx.tokenUrl,
    refreshUrl: ctx.tokenUrl,
    clientId: p.clientId,
    clientSecret: `$[secret:${AEM_CLIENT_SECRET_VAR}]`,
    scopes: [...p.scopes],
    refreshToken: `$[secret:${AEM_REFRESH_TOKEN_VAR}]`,
  };
  const mailService = {
    'smtp.host': p.smtpHost,
    'smtp.user': p.mailbox,
    'smtp.password': 'value not used',
    'smtp.port': p.smtpPort,
    'from.address': p.fromAddress,
    'smtp.ssl': false,
    'smtp.starttls': true,
    'smtp.requiretls': true,
    'debug.email': false,
    'oauth.flow': true,
  };
  const clientSecret = ctx.reveal('clientSecret');
  const refreshToken = ctx.reveal('refreshToken');
  const variables = [
    { name: AEM_CLIENT_SECRET_VAR, value: clientSecret ?? '<paste the client secret>', type: 'secretString' },
    { name: AEM_REFRESH_TOKEN_VAR, value: refreshToken ?? '<paste the refresh token>', type: 'secretString' },
  ];
  return [
    fileOutput({
      name: 'com.day.cq.mailer.oauth.impl.OAuthConfigurationProviderImpl.cfg.json',
      title: 'AEM: OAuth configuration provider (OSGi)',
      description: `Save under ${CONFIG_DIR} in your AEM project. It references the two Cloud Manager secret variables instead of holding the values.`,
      language: 'json',
      content: JSON.stringify(oauthConfig, null, 4),
    }),
    fileOutput({
      name: 'com.day.cq.mailer.impl.DefaultMailService.cfg.json',
      title: 'AEM: Day CQ Mail Service (OSGi)',
      description: `Save under ${CONFIG_DIR}. smtp.user is the mailbox that signed in to get the tokens; smtp.password is not used with OAuth.`,
      language: 'json',
      content: JSON.stringify(mailService, null, 4),
    }),
    fieldsOutput({
      name: 'aem-cloud-manager-secret-variables.txt',
      title: 'AEM: Cloud Manager secret variables',
      description:
        'In Cloud Manager > your environment > Configuration, add these two variables of type "Secret" (or set them through the Cloud Manager variables API). A new refresh token takes a few minutes to deploy.',
      fields: [
        field(AEM_CLIENT_SECRET_VAR, clientSecret ?? hiddenValue, true),
        field(AEM_REFRESH_TOKEN_VAR, refreshToken ?? hiddenValue, true),
      ],
      secretView: true,
    }),
    fileOutput({
      name: 'aem-cloud-manager-variables.json',
      title: 'AEM: Cloud Manager variables API body',
      description:
        'Body for PATCH /api/program/{programId}/environment/{environmentId}/variables of the Cloud Manager API. Placeholders stand for the secrets unless you chose "Include secrets".',
      language: 'json',
      content: JSON.stringify(variables, null, 2),
    }),
  ];
}
