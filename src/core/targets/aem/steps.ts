import type { AemExportSettings, DeploymentStep } from '../../../shared/export-output';
import { AEM_CLIENT_SECRET_VAR, AEM_REFRESH_TOKEN_VAR, AEM_VARIABLE_MAX_CHARS } from './secret-limit';

/**
 * What to do with the AEM files, in Adobe's words and order (sources: Adobe's "OAuth2
 * Support for the Mail Service", the "Email service" and "Flexible port egress"
 * networking tutorials, "Configuring Advanced Networking" and "Configuring OSGi").
 */

export const AEM_FILES = {
  oauthProvider: 'com.day.cq.mailer.oauth.impl.OAuthConfigurationProviderImpl.cfg.json',
  mailService: 'com.day.cq.mailer.DefaultMailService.cfg.json',
  secretVariables: 'aem-cloud-manager-secret-variables.txt',
  variablesBody: 'aem-cloud-manager-variables.json',
  networkingBody: 'aem-advanced-networking.json',
  steps: 'aem-deployment-steps.txt',
} as const;

export const AEM_CONFIG_FOLDER = '/apps/<project>/osgiconfig/config';
export const AEM_CONFIG_PLACEMENT = `${AEM_CONFIG_FOLDER}/ in the project's Git repository (the one Cloud Manager deploys), or a run-mode folder beside it such as config.publish or config.prod to limit where it applies`;

const cloudManager = 'https://cloudmanager.adobe.io/api/program/{programId}';

interface Endpoint {
  readonly smtpHost: string;
  readonly smtpPort: number;
}

function cloudServiceSteps(s: AemExportSettings, e: Endpoint): DeploymentStep[] {
  return [
    {
      title: 'Enable flexible port egress for the program (once per program)',
      detail: `AEM as a Cloud Service lets only HTTP/HTTPS on ports 80/443 out by default; SMTP needs advanced networking. With Cloud Manager API credentials: POST ${cloudManager}/networkInfrastructures with {"kind": "flexiblePortEgress", "region": "<region from GET ${cloudManager}/regions>"}, then wait (about 15 minutes) until the network infrastructure's status is "ready". Skip this if the program already has flexible port egress, a dedicated egress IP address or a VPN: port forwards work with each of them.`,
      outputs: [],
    },
    {
      title: `Forward port ${s.proxyPort} to ${e.smtpHost}:${e.smtpPort} for each environment`,
      detail: `PUT ${cloudManager}/environment/{environmentId}/advancedNetworking with the body in ${AEM_FILES.networkingBody}. The call replaces the environment's whole advanced networking configuration: first GET the same URL and copy its existing portForwards (and nonProxyHosts) into the body, or those rules are removed. About 10 minutes later the GET shows the rule as enabled. The port must be free and between 30000 and 30999.`,
      outputs: [AEM_FILES.networkingBody],
    },
    {
      title: 'Create the two secret variables before deploying',
      detail: `Cloud Manager > your environment > Configuration: add ${AEM_CLIENT_SECRET_VAR} and ${AEM_REFRESH_TOKEN_VAR} as "Secret" variables (or PATCH ${cloudManager}/environment/{environmentId}/variables with ${AEM_FILES.variablesBody}). Values may be at most ${AEM_VARIABLE_MAX_CHARS.toLocaleString('en-US')} characters. They must exist before the pipeline deploys the files that reference them; setting them restarts the services within a few minutes.`,
      outputs: [AEM_FILES.secretVariables, AEM_FILES.variablesBody],
    },
    {
      title: 'Commit the two OSGi configuration files',
      detail: `Put both files in ${AEM_CONFIG_PLACEMENT}. The file names are the services' PIDs: AEM ignores a file whose name matches no service. The mail service points at $[env:AEM_PROXY_HOST;default=proxy.tunnel] and port ${s.proxyPort}; do not set AEM_PROXY_HOST yourself (AEM reserves it).`,
      outputs: [AEM_FILES.oauthProvider, AEM_FILES.mailService],
    },
    {
      title: 'Run the pipeline',
      detail:
        'Cloud Manager > your program > Pipelines: run the pipeline that deploys this environment. The OSGi files take effect only once it has deployed them.',
      outputs: [],
    },
    {
      title: 'Send a test mail from AEM, and renew the token when asked',
      detail: `Trigger a mail from AEM (a workflow step or a form that emails). When the refresh token expires or is revoked, sign in here again and update ${AEM_REFRESH_TOKEN_VAR}; a new value takes a few minutes to deploy, no pipeline run needed.`,
      outputs: [],
    },
  ];
}

function directSteps(e: Endpoint): DeploymentStep[] {
  return [
    {
      title: `Let AEM reach ${e.smtpHost}:${e.smtpPort}`,
      detail: `The mail service connects directly (STARTTLS on port ${e.smtpPort}): allow outbound TCP from every AEM instance that sends mail to ${e.smtpHost}:${e.smtpPort} in your firewall or proxy.`,
      outputs: [],
    },
    {
      title: 'Provide the two secret values',
      detail: `The files reference $[secret:${AEM_CLIENT_SECRET_VAR}] and $[secret:${AEM_REFRESH_TOKEN_VAR}]. Where AEM resolves them with the Felix configuration interpolation plugin, create files of exactly those names (no extension) in its secrets directory (framework property org.apache.felix.configadmin.plugin.interpolation.secretsdir). If your AEM resolves no such placeholders, export again with "Include secrets" and keep that copy of the files out of source control.`,
      outputs: [AEM_FILES.secretVariables],
    },
    {
      title: 'Install the two OSGi configuration files',
      detail: `Put both files in ${AEM_CONFIG_FOLDER}/ of your project (or a run-mode folder such as config.publish) and deploy the package. The file names are the services' PIDs: AEM ignores a file whose name matches no service.`,
      outputs: [AEM_FILES.oauthProvider, AEM_FILES.mailService],
    },
    {
      title: 'Send a test mail from AEM, and renew the token when asked',
      detail: `Trigger a mail from AEM (a workflow step or a form that emails). When the refresh token expires or is revoked, sign in here again and replace the ${AEM_REFRESH_TOKEN_VAR} value.`,
      outputs: [],
    },
  ];
}

export function aemDeploymentSteps(s: AemExportSettings, e: Endpoint): DeploymentStep[] {
  return s.connection === 'cloud-service' ? cloudServiceSteps(s, e) : directSteps(e);
}
