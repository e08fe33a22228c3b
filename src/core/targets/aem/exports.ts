import { type ExportContext, hiddenValue } from '../common/context';
import { field, fieldsOutput, fileOutput, type OutputDraft, stepsOutput } from '../common/output';
import {
  AEM_CLIENT_SECRET_VAR,
  AEM_REFRESH_TOKEN_VAR,
  AEM_VARIABLE_MAX_CHARS,
  refreshTokenCheck,
} from './secret-limit';
import { AEM_CONFIG_PLACEMENT, AEM_FILES, aemDeploymentSteps } from './steps';

/**
 * Adobe Experience Manager: the two OSGi configuration files of the Mail Service, the
 * Cloud Manager secret variables they reference and, for AEM as a Cloud Service, the port
 * forward its egress proxy needs. Follows Adobe's current "OAuth2 Support for the Mail
 * Service" page, which supersedes the older copy the product was first specified from
 * (file name com.day.cq.mailer.DefaultMailService, the egress proxy, authCodeRedirectUrl).
 */

/** AEM as a Cloud Service's reserved variable for its egress proxy (never set it in Cloud Manager). */
export const AEM_PROXY_HOST = '$[env:AEM_PROXY_HOST;default=proxy.tunnel]';

export function aemExports(ctx: ExportContext): OutputDraft[] {
  const p = ctx.profile;
  const viaProxy = ctx.aem.connection === 'cloud-service';
  // Adobe's property order, so the file reads like the page it came from.
  const oauthConfig = {
    authUrl: ctx.authorizeUrl,
    tokenUrl: ctx.tokenUrl,
    clientId: p.clientId,
    clientSecret: `$[secret:${AEM_CLIENT_SECRET_VAR}]`,
    scopes: [...p.scopes],
    authCodeRedirectUrl: p.redirectUri,
    refreshUrl: ctx.tokenUrl,
    refreshToken: `$[secret:${AEM_REFRESH_TOKEN_VAR}]`,
  };
  const mailService = {
    'smtp.host': viaProxy ? AEM_PROXY_HOST : p.smtpHost,
    'smtp.user': p.mailbox,
    'smtp.password': 'value not used',
    'smtp.port': viaProxy ? ctx.aem.proxyPort : p.smtpPort,
    'from.address': p.fromAddress,
    'smtp.ssl': false,
    'smtp.starttls': true,
    'smtp.requiretls': true,
    'debug.email': false,
    'oauth.flow': true,
  };
  const networking = { portForwards: [{ name: p.smtpHost, portDest: p.smtpPort, portOrig: ctx.aem.proxyPort }] };
  const clientSecret = ctx.reveal('clientSecret');
  const refreshToken = ctx.reveal('refreshToken');
  const variables = [
    { name: AEM_CLIENT_SECRET_VAR, value: clientSecret ?? '<paste the client secret>', type: 'secretString' },
    { name: AEM_REFRESH_TOKEN_VAR, value: refreshToken ?? '<paste the refresh token>', type: 'secretString' },
  ];
  const tokenCheck = refreshTokenCheck(ctx.refreshTokenLength);
  const endpoint = { smtpHost: p.smtpHost, smtpPort: p.smtpPort };
  return [
    stepsOutput({
      name: AEM_FILES.steps,
      title: viaProxy
        ? 'AEM as a Cloud Service: what to do, in order'
        : 'AEM (direct connection): what to do, in order',
      description: viaProxy
        ? `Advanced networking, the secret variables, the two OSGi files, then the pipeline, as Adobe's current pages describe them (older copies of Adobe's OAuth2 page give another mail service file name and no egress proxy: both are superseded). For AEM 6.5 or Managed Services choose the direct connection instead.`
        : `For AEM 6.5 and Managed Services, which reach ${p.smtpHost} directly. AEM as a Cloud Service needs the egress proxy variant instead.`,
      steps: aemDeploymentSteps(ctx.aem, endpoint),
    }),
    fileOutput({
      name: AEM_FILES.oauthProvider,
      title: 'AEM: OAuth configuration provider (OSGi)',
      description:
        'The OAuth provider of the Mail Service. It references the two secret variables instead of holding the values.',
      placement: AEM_CONFIG_PLACEMENT,
      language: 'json',
      content: JSON.stringify(oauthConfig, null, 4),
    }),
    fileOutput({
      name: AEM_FILES.mailService,
      title: 'AEM: Day CQ Mail Service (OSGi)',
      description: viaProxy
        ? `smtp.host is AEM's egress proxy and smtp.port the port forward's portOrig (${ctx.aem.proxyPort}), which Cloud Manager forwards to ${p.smtpHost}:${p.smtpPort}. smtp.user is the mailbox that signed in; smtp.password is not used with OAuth.`
        : `Connects to ${p.smtpHost}:${p.smtpPort} directly (STARTTLS). smtp.user is the mailbox that signed in; smtp.password is not used with OAuth.`,
      placement: AEM_CONFIG_PLACEMENT,
      language: 'json',
      content: JSON.stringify(mailService, null, 4),
    }),
    ...(viaProxy
      ? [
          fileOutput({
            name: AEM_FILES.networkingBody,
            title: 'AEM: Cloud Manager port forward (advanced networking API body)',
            description: `Body for PUT /api/program/{programId}/environment/{environmentId}/advancedNetworking (enableEnvironmentAdvancedNetworkingConfiguration). The call replaces the whole configuration: add the environment's existing portForwards to this list first, or they are removed.`,
            placement: 'Cloud Manager API, once per environment, after flexible port egress is enabled for the program',
            language: 'json',
            content: JSON.stringify(networking, null, 2),
          }),
        ]
      : []),
    fieldsOutput({
      name: AEM_FILES.secretVariables,
      title: 'AEM: Cloud Manager secret variables',
      description: `Two variables of type "Secret", at most ${AEM_VARIABLE_MAX_CHARS.toLocaleString('en-US')} characters each. ${tokenCheck.message}`,
      placement:
        'Cloud Manager > your environment > Configuration (or the Cloud Manager variables API), before the pipeline deploys',
      fields: [
        field(AEM_CLIENT_SECRET_VAR, clientSecret ?? hiddenValue, true),
        field(AEM_REFRESH_TOKEN_VAR, refreshToken ?? hiddenValue, true),
      ],
      checks: p.flow === 'delegated' ? [tokenCheck] : [],
      secretView: true,
    }),
    fileOutput({
      name: AEM_FILES.variablesBody,
      title: 'AEM: Cloud Manager variables API body',
      description:
        'Body for PATCH /api/program/{programId}/environment/{environmentId}/variables of the Cloud Manager API. Placeholders stand for the secrets unless you chose "Include secrets".',
      placement: 'Cloud Manager API, once per environment',
      language: 'json',
      content: JSON.stringify(variables, null, 2),
    }),
  ];
}
