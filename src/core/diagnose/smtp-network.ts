import { clouds } from '../../shared/clouds';
import { problem, type Problem } from '../../shared/problem';
import { testPort } from './smtp-commands';
import type { FactsContext, SmtpFailure } from './smtp-context';
import { withoutCredentials } from '../net/proxy';

/**
 * Failures before or around the SMTP conversation: the socket, the proxy, TLS. Node's
 * system codes survive in `code`/`originalCode`; TLS reasons only in the message text
 * (nodemailer re-wraps them), so those are matched by words.
 */

const UNTRUSTED =
  /self[- ]signed certificate|unable to get local issuer|unable to verify the first certificate|unable to get issuer certificate|certificate chain|CERT_UNTRUSTED/i;
const EXPIRED = /certificate has expired|certificate is not yet valid/i;
const NAME_MISMATCH = /does not match certificate|altnames|ERR_TLS_CERT_ALTNAME_INVALID/i;
const VERSION = /unsupported protocol|wrong version number|protocol version|no protocols available|ERR_SSL_/i;

/** The hosts for the profile's cloud; ones Microsoft does not list are named "commonly used", not hidden. */
function cloudHosts(cloud: FactsContext['profile']['cloud']): string {
  const facts = clouds[cloud];
  const hosts = facts.smtpHosts.map(
    (h) => `${h.host}:${h.port}${h.confirmed ? '' : ' (commonly used, not in Microsoft’s endpoint list)'}`,
  );
  return `${facts.label} uses ${hosts.join(' or ')}.`;
}

export function diagnoseSmtpNetwork(f: SmtpFailure, ctx: FactsContext): Problem {
  const { smtpHost: host, smtpPort: port } = ctx.profile;
  const sys = f.originalCode ?? f.code ?? '';
  const detail = [f.code, f.originalCode, f.message].filter(Boolean).join(' ').slice(0, 500);
  const proxyShown = withoutCredentials(ctx.profile.network.proxyUrl || '(from HTTPS_PROXY)');

  if (f.code === 'EABORT') {
    return problem({
      detail,
      code: 'SMTP_CANCELLED',
      title: 'The check was cancelled',
      explanation: 'The check stopped before it finished because it was cancelled.',
      fixSteps: ['Run the check again.'],
      retryable: true,
    });
  }

  if (f.stage === 'proxy') {
    if (f.code === 'EPROXYURL') {
      return problem({
        detail,
        code: 'PROXY_URL_INVALID',
        title: 'The proxy address is not usable',
        explanation: f.message,
        fixSteps: ['Enter the proxy as http://host:port in the network settings.'],
        field: 'network.proxyUrl',
      });
    }
    if (f.proxyStatus === 407) {
      return problem({
        detail,
        code: 'PROXY_AUTH_REQUIRED',
        title: 'The proxy wants a login',
        explanation: `The proxy ${proxyShown} answered 407: it needs a user name and password before it opens a connection.`,
        fixSteps: [
          'Put the proxy credentials in the proxy address (http://user:password@host:port), or ask the network team for an exception for this computer.',
        ],
        field: 'network.proxyUrl',
      });
    }
    if (f.code === 'EPROXY') {
      return problem({
        detail,
        code: 'PROXY_REFUSED',
        title: `The proxy does not allow connections to port ${port}`,
        explanation: `The proxy ${proxyShown} refused to open a tunnel to ${host}:${port}${f.proxyStatus ? ` (HTTP ${f.proxyStatus})` : ''}. Many proxies only allow port 443.`,
        fixSteps: [
          `Ask the network team to allow CONNECT to ${host}:${port} for this computer, or run the check from a network without the proxy.`,
        ],
        field: 'network.proxyUrl',
      });
    }
    return problem({
      detail,
      code: 'PROXY_UNREACHABLE',
      title: 'The proxy cannot be reached',
      explanation: `Connecting to the proxy ${proxyShown} failed (${sys || f.message}).`,
      fixSteps: ['Check the proxy address and port in the network settings, or clear it to connect directly.'],
      field: 'network.proxyUrl',
      retryable: sys === 'ETIMEDOUT',
    });
  }

  if (sys === 'ENOTFOUND' || sys === 'EAI_AGAIN' || f.code === 'EDNS') {
    return problem({
      detail,
      code: 'SMTP_HOST_NOT_FOUND',
      title: `The server name ${host} was not found`,
      explanation: `The name ${host} could not be resolved. It may be mistyped, belong to another cloud, or this computer's DNS cannot reach the internet.`,
      fixSteps: [
        `Check the SMTP host. ${cloudHosts(ctx.profile.cloud)}`,
        `Check that this computer can resolve internet names (nslookup ${host}).`,
      ],
      field: 'smtpHost',
      retryable: sys === 'EAI_AGAIN',
    });
  }

  if (sys === 'ECONNREFUSED' || sys === 'ETIMEDOUT' || sys === 'ENETUNREACH' || sys === 'EHOSTUNREACH') {
    const refused = sys === 'ECONNREFUSED';
    return problem({
      detail,
      code: refused ? 'SMTP_CONNECTION_REFUSED' : 'SMTP_PORT_BLOCKED',
      title: refused ? `${host} refused the connection on port ${port}` : `No answer from ${host} on port ${port}`,
      explanation: refused
        ? `Something refused the connection to port ${port}: a firewall that rejects outgoing SMTP, or the wrong port.`
        : `The connection to ${host}:${port} went unanswered. Port ${port} is most likely blocked by a firewall, antivirus or the internet provider (many block outgoing mail ports).`,
      fixSteps: [
        'Test the port from this computer (command below); "TcpTestSucceeded : False" confirms a block.',
        `Ask the network team to allow outgoing TCP ${port} to ${host}, or try from another network.`,
        'Use port 587 with STARTTLS for Exchange Online.',
      ],
      commands: [testPort(host, port)],
      field: 'smtpPort',
      retryable: !refused,
    });
  }

  if (UNTRUSTED.test(f.message)) {
    return problem({
      detail,
      code: 'SMTP_TLS_UNTRUSTED',
      title: 'The mail server’s certificate is not trusted',
      explanation: `The certificate presented for ${host} was not issued by a trusted authority. On company networks this is usually TLS inspection: a firewall or proxy replaces Microsoft's certificate with its own.`,
      fixSteps: [
        'Ask the network team for their TLS inspection CA certificate (PEM) and add it under Network settings → Extra trusted CA.',
        `Or ask them to exclude ${host}:${port} from TLS inspection.`,
      ],
      field: 'network.extraCaPem',
    });
  }
  if (EXPIRED.test(f.message)) {
    return problem({
      detail,
      code: 'SMTP_TLS_EXPIRED',
      title: 'The server certificate is expired or not yet valid',
      explanation: "This computer's clock may be wrong, or a TLS inspection device presents an outdated certificate.",
      fixSteps: ["Check this computer's date and time.", 'Ask the network team about the TLS inspection certificate.'],
    });
  }
  if (NAME_MISMATCH.test(f.message)) {
    return problem({
      detail,
      code: 'SMTP_TLS_NAME_MISMATCH',
      title: `The certificate is not for ${host}`,
      explanation:
        'The server’s certificate names another host. This happens when an IP address is used instead of the DNS name, or a device intercepts the connection.',
      fixSteps: ['Use the DNS name (smtp.office365.com), not an IP address.'],
      field: 'smtpHost',
    });
  }
  if (VERSION.test(f.message)) {
    return problem({
      detail,
      code: 'SMTP_TLS_VERSION',
      title: 'No common TLS version',
      explanation:
        'Exchange Online requires TLS 1.2 or later; the other side (or a device in between) offered only older versions.',
      fixSteps: ['Check that nothing between this computer and the server downgrades TLS.'],
    });
  }
  if (f.code === 'ETLS') {
    return problem({
      detail,
      code: 'SMTP_STARTTLS_FAILED',
      title: 'The server did not start encryption',
      explanation: `${host}:${port} did not accept STARTTLS. Exchange Online requires it on port 587; a different server or port is configured, or a device strips STARTTLS.`,
      fixSteps: [`Check host ${host} and port 587.`],
      field: 'smtpPort',
    });
  }

  if (sys === 'ECONNRESET' || f.code === 'ECONNECTION' || f.code === 'ESOCKET') {
    return problem({
      detail,
      code: 'SMTP_CONNECTION_DROPPED',
      title: 'The connection was cut off',
      explanation: 'The server or something in between closed the connection in the middle of the conversation.',
      fixSteps: ['Try again. If it keeps happening, a firewall or antivirus may be interfering with SMTP.'],
      retryable: true,
    });
  }
  if (f.code === 'ETIMEDOUT') {
    return problem({
      detail,
      code: 'SMTP_TIMEOUT',
      title: 'The server stopped answering',
      explanation: 'The connection was open but the server did not reply in time.',
      fixSteps: ['Try again in a few minutes.'],
      retryable: true,
    });
  }
  return problem({
    detail,
    code: 'SMTP_NETWORK_ERROR',
    title: 'The connection to the mail server failed',
    explanation: f.message,
    fixSteps: ['Check the network connection and the SMTP host and port, then try again.'],
    retryable: true,
  });
}
