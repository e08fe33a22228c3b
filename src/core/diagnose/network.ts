import { problem, type Problem } from '../../shared/problem';
import type { NetworkFailure } from '../net/network-failure';
import { fill, type DiagnoseContext } from './context';

/**
 * Failures before any answer from the identity provider. Fix steps speak about the
 * network people really have: proxies, TLS-inspecting firewalls, blocked hosts.
 */
export function diagnoseNetwork(f: NetworkFailure, ctx: DiagnoseContext = {}): Problem {
  const host = f.host || fill(ctx).authorityHost.replace('https://', '');
  const detail = `${f.kind}${f.code ? ` ${f.code}` : ''}${f.status ? ` HTTP ${f.status}` : ''} (${host})`;
  const unreachable = (title: string, explanation: string) =>
    problem({
      code: 'IDP_UNREACHABLE',
      title,
      explanation,
      fixSteps: [
        `Check that this computer can open ${fill(ctx).authorityHost} in a browser.`,
        'If your organization uses a proxy, enter it under Network → Proxy (for example http://proxy.example.com:8080), or set HTTPS_PROXY.',
        'Ask IT to allow HTTPS (port 443) to the sign-in host if a firewall blocks it.',
      ],
      retryable: true,
      detail,
    });
  switch (f.kind) {
    case 'tls-untrusted':
      return problem({
        code: 'TLS_UNTRUSTED',
        title: 'The connection to the sign-in service is not trusted',
        explanation: `The certificate presented for ${host} is not signed by an authority this computer trusts. Usually a firewall or proxy inspects HTTPS and re-signs it with the company’s own certificate; it can also mean someone is intercepting the connection.`,
        fixSteps: [
          'Ask IT for the company’s TLS-inspection root certificate (a .pem or .cer file).',
          'Paste it under Network → Extra trusted certificate (PEM), then try again.',
          'If IT does not inspect TLS, do not continue: the connection may be intercepted.',
        ],
        field: 'network.extraCaPem',
        detail,
      });
    case 'tls-expired':
      return problem({
        code: 'TLS_CERT_EXPIRED',
        title: 'The sign-in service’s certificate has expired or is not yet valid',
        explanation: `The certificate for ${host} is outside its validity dates. Check this computer’s date and time; if they are right, a proxy is presenting a stale certificate.`,
        fixSteps: [
          'Correct the system clock if it is wrong.',
          'Otherwise tell IT that the proxy’s certificate has expired.',
        ],
        detail,
      });
    case 'tls-name-mismatch':
      return problem({
        code: 'TLS_NAME_MISMATCH',
        title: 'The certificate is for another host',
        explanation: `The server at ${host} presented a certificate for a different name: a proxy or DNS entry is redirecting the connection.`,
        fixSteps: ['Ask IT to check DNS and proxy rules for the sign-in host.'],
        detail,
      });
    case 'tls-other':
      return problem({
        code: 'TLS_FAILED',
        title: 'A secure connection could not be made',
        explanation: `TLS with ${host} failed (${f.code ?? 'unknown reason'}).`,
        fixSteps: [
          'Check proxy and firewall settings for HTTPS inspection; add the company certificate under Network if needed.',
        ],
        detail,
      });
    case 'timeout':
      return problem({
        code: 'IDP_TIMEOUT',
        title: 'The sign-in service did not answer in time',
        explanation: `No answer from ${host} within the time limit. The network is slow, or a firewall silently drops the traffic.`,
        fixSteps: [
          'Try again.',
          'Raise Network → Timeout if your connection is slow.',
          'Check proxy settings: without the proxy some networks drop HTTPS silently.',
        ],
        retryable: true,
        detail,
      });
    case 'dns':
      return unreachable(
        'The sign-in host name could not be resolved',
        `This computer could not look up ${host}. There may be no internet connection, or DNS is restricted on this network.`,
      );
    case 'refused':
    case 'reset':
      return unreachable(
        'The sign-in service is unreachable',
        `The connection to ${host} was refused or cut off before an answer.`,
      );
    case 'proxy-auth':
      return problem({
        code: 'PROXY_AUTH_REQUIRED',
        title: 'The proxy needs a user name and password',
        explanation: `The proxy ${host} answered 407.`,
        fixSteps: [
          'Enter the proxy as http://user:password@proxy:port under Network → Proxy, or ask IT to allow the app without authentication.',
        ],
        field: 'network.proxyUrl',
        detail,
      });
    case 'proxy-unreachable':
      return problem({
        code: 'PROXY_UNREACHABLE',
        title: 'The proxy cannot be reached',
        explanation: `The proxy ${host} did not accept a connection.`,
        fixSteps: ['Check the proxy address and port under Network → Proxy (or HTTPS_PROXY).'],
        field: 'network.proxyUrl',
        retryable: true,
        detail,
      });
    case 'proxy-refused':
      return problem({
        code: 'PROXY_REFUSED',
        title: 'The proxy refused the connection to the sign-in service',
        explanation: `The proxy ${host} refused to tunnel to the sign-in host (HTTP ${f.status ?? '?'}).`,
        fixSteps: ['Ask IT to allow HTTPS to the sign-in host through the proxy.'],
        detail,
      });
    case 'bad-response':
      return problem({
        code: 'IDP_BAD_RESPONSE',
        title: 'The sign-in service sent an unreadable answer',
        explanation: `The answer from ${host} was not what a Microsoft sign-in service sends${f.status ? ` (HTTP ${f.status})` : ''}. A proxy or captive portal may be answering instead.`,
        fixSteps: [
          'Open the sign-in host in a browser to see whether a login page of the network (hotel, guest Wi-Fi) intercepts it.',
          'Try again later.',
        ],
        retryable: true,
        detail,
      });
    case 'aborted':
      return problem({
        code: 'CANCELLED',
        title: 'Cancelled',
        explanation: 'The request was cancelled.',
        fixSteps: ['Start again when ready.'],
        retryable: true,
        detail,
      });
  }
}
