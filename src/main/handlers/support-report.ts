import { type z } from 'zod';
import type { supportReportRequestSchema } from '../../shared/ipc-contract';
import type { TokenInspection } from '../../shared/token-inspection';
import { secretKeys } from '../../core/secrets/secret-keys';
import { SecretStoreError } from '../../core/secrets/secret-store';
import { withoutCredentials } from '../../core/net/proxy';
import { createRedactor } from '../../core/redact';
import type { HandlerPorts } from './ports';

type ReportRequest = z.output<typeof supportReportRequestSchema>;

/**
 * A plain-text bundle a consultant can paste into a helpdesk ticket: versions, the
 * profile without secrets, the last token's claims, the diagnosis and the transcript.
 * Everything passes a redactor that knows this profile's secrets by value and catches
 * tokens by shape, so even text the window sent cannot smuggle one in.
 */
export async function supportReport(
  ports: HandlerPorts,
  req: ReportRequest,
  lastInspection: (profileId: string) => TokenInspection | undefined,
): Promise<{ text: string }> {
  const lines: string[] = [];
  const section = (title: string, body: string | readonly string[]): void => {
    lines.push('', `== ${title} ==`, ...(typeof body === 'string' ? [body] : body));
  };
  lines.push(`${ports.app.name} support report`, `Created: ${new Date().toISOString()}`);
  section('App', [
    `Version: ${ports.app.version}`,
    `Platform: ${ports.app.platform}`,
    ...Object.entries(ports.app.versions).map(([k, v]) => `${k}: ${v}`),
  ]);
  const keychain = await ports.secrets.status();
  section(
    'Keychain',
    keychain.available ? `available (${keychain.backend})` : `NOT available (${keychain.backend}): ${keychain.message}`,
  );

  const known: string[] = [];
  if (req.profileId) {
    const profile = await ports.profiles.get(req.profileId);
    if (profile) {
      for (const key of [
        secretKeys.clientSecret,
        secretKeys.refreshToken,
        secretKeys.certificateKey,
        secretKeys.legacyTokenCache,
      ]) {
        const v = await readableSecret(ports, key(profile.id));
        if (v) known.push(v);
      }
      const { network, ...rest } = profile;
      section(
        'Profile (no secrets; they stay in the keychain)',
        JSON.stringify(
          {
            ...rest,
            network: {
              ...network,
              proxyUrl: withoutCredentials(network.proxyUrl),
              extraCaPem: network.extraCaPem ? '(set)' : '',
            },
          },
          null,
          2,
        ),
      );
      const inspection = lastInspection(profile.id);
      if (inspection) {
        section(
          'Token',
          inspection.kind === 'jwt'
            ? [
                JSON.stringify({ ...inspection.claims, expiresAt: inspection.expiresAt }, null, 2),
                `Verdict: ${inspection.verdict.fit} - ${inspection.verdict.summary}`,
                ...inspection.verdict.checks.map((c) => `  ${c.ok ? 'ok ' : 'BAD'} ${c.name}: ${c.message}`),
              ]
            : [`Opaque token (personal account). Verdict: ${inspection.verdict.summary}`],
        );
      }
    }
  }
  if (req.problem) {
    const p = req.problem;
    section('Diagnosis', [
      `${p.code}: ${p.title}`,
      p.explanation,
      ...p.fixSteps.map((s, i) => `${i + 1}. ${s}`),
      ...p.commands.map((c) => `> ${c}`),
      ...(p.detail ? [`Detail: ${p.detail}`] : []),
    ]);
  }
  if (req.transcript && req.transcript.length > 0) section('SMTP transcript (redacted)', req.transcript);

  const redact = createRedactor(known);
  return { text: `${lines.map(redact).join('\n')}\n` };
}

/**
 * A secret to redact by value, or null when the keychain cannot be read: the report is most
 * needed exactly then, and the shape rules still catch tokens the window sends.
 */
async function readableSecret(ports: HandlerPorts, key: string): Promise<string | null> {
  try {
    return await ports.secrets.get(key);
  } catch (e) {
    if (e instanceof SecretStoreError) return null;
    throw e;
  }
}
