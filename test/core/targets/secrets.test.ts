import { describe, expect, it } from 'vitest';
import { exportsFor, targetExports } from '../../../src/core/targets';
import type { ExportOutput } from '../../../src/shared/export-output';
import { type Profile, targetIds } from '../../../src/shared/profile';
import { fixtureProfile, fixtureSecretValues, fixtureTokens } from './fixture-profile';

/** Every form a secret could take in a file: raw, form-encoded, JSON-escaped, base64. */
function disguises(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64'),
  ];
}

function allText(o: ExportOutput): string {
  return [
    o.name,
    o.title,
    o.description,
    o.content,
    o.warning ?? '',
    ...(o.fields ?? []).flatMap((f) => [f.label, f.value]),
  ].join('\n');
}

/** Each target with its own preset, plus the variants that change which secrets exist. */
const profiles: readonly Profile[] = targetIds.flatMap((t) => [
  fixtureProfile(t),
  fixtureProfile(t, { flow: 'app-only', scopes: ['https://outlook.office365.com/.default'] }),
  fixtureProfile(t, { fromAddress: 'shared@contoso.com' }),
  fixtureProfile(t, {
    credential: {
      kind: 'certificate',
      source: 'pem',
      thumbprintSha1: 'ab'.repeat(20),
      thumbprintSha256: 'cd'.repeat(32),
      subject: 'CN=mailer',
      notAfter: '2030-01-01',
    },
  }),
]);

function everyOutput(includeSecrets: boolean): ExportOutput[] {
  return profiles.flatMap((p) => [
    ...exportsFor(p, fixtureTokens, { includeSecrets }),
    ...targetIds.flatMap((t) => targetExports(t, p, fixtureTokens, { includeSecrets })),
  ]);
}

describe('secrets in exports', () => {
  it('appear in no output of any target unless "include secrets" is chosen', () => {
    const outputs = everyOutput(false);
    expect(outputs.length).toBeGreaterThan(200);
    for (const o of outputs) {
      const text = allText(o);
      for (const secret of fixtureSecretValues)
        for (const form of disguises(secret)) expect(text, `${o.name} leaks`).not.toContain(form);
      expect(o.warning, o.name).toBeUndefined();
    }
  });

  it('stand as placeholders by default: AEM keeps its $[secret:...] references', () => {
    const aem = exportsFor(fixtureProfile('aem'), fixtureTokens, { includeSecrets: false });
    const provider = aem.find((o) => o.name === 'com.day.cq.mailer.oauth.impl.OAuthConfigurationProviderImpl.cfg.json');
    expect(JSON.parse(provider?.content ?? '{}')).toMatchObject({
      clientSecret: '$[secret:SECRET_SMTP_OAUTH_CLIENT_SECRET]',
      refreshToken: '$[secret:SECRET_SMTP_OAUTH_REFRESH_TOKEN]',
    });
    // Even with secrets included the OSGi file keeps the references: AEM reads the values from Cloud Manager.
    const withSecrets = exportsFor(fixtureProfile('aem'), fixtureTokens, { includeSecrets: true });
    const provider2 = withSecrets.find((o) => o.name === provider?.name);
    expect(provider2?.content).toBe(provider?.content);
    expect(provider2?.holdsSecret).toBe(false);
  });

  it('are listed in a secret-values view that is marked secret and filled only on request', () => {
    const hidden = exportsFor(fixtureProfile('generic'), fixtureTokens, { includeSecrets: false }).find(
      (o) => o.name === 'secret-values.txt',
    );
    expect(hidden?.holdsSecret).toBe(true);
    // Withheld: a stand-in that says how to get the value ("Sign in first" before there is a refresh token).
    expect(hidden?.fields?.map((f) => [f.secretName, f.withheld, f.value])).toEqual([
      ['clientSecret', true, '(hidden: press “Copy value”, or turn on “Include secret values”)'],
      ['refreshToken', true, '(Sign in first: there is no refresh token yet)'],
    ]);
    const shown = exportsFor(fixtureProfile('generic'), fixtureTokens, { includeSecrets: true }).find(
      (o) => o.name === 'secret-values.txt',
    );
    expect(shown?.fields?.map((f) => f.value)).toEqual([fixtureTokens.clientSecret, fixtureTokens.refreshToken]);
    expect(shown?.fields?.some((f) => f.withheld)).toBe(false);
  });

  it('once included, mark exactly the outputs that carry them and put a warning line in files', () => {
    for (const o of everyOutput(true)) {
      const carries = fixtureSecretValues.some((s) => allText(o).includes(s));
      if (carries) {
        expect(o.holdsSecret, o.name).toBe(true);
        expect(o.warning, o.name).toMatch(/WARNING/);
        if (o.kind === 'file' && o.language !== 'json')
          expect(o.content.split('\n').slice(0, 2).join('\n'), o.name).toContain('WARNING');
      } else if (o.name !== 'secret-values.txt' && o.name !== 'aem-cloud-manager-secret-variables.txt') {
        expect(o.holdsSecret, o.name).toBe(false);
      }
    }
  });

  it('go into the target forms that ask for them once included', () => {
    const onit = targetExports('onit', fixtureProfile('onit'), fixtureTokens, { includeSecrets: true })[0];
    const byLabel = new Map(onit?.fields?.map((f) => [f.label, f.value]));
    expect(byLabel.get('Client secret')).toBe(fixtureTokens.clientSecret);
    expect(byLabel.get('Refresh Token')).toBe(fixtureTokens.refreshToken);
  });

  it('that do not exist yet are never invented: no refresh token means a placeholder', () => {
    const outputs = exportsFor(
      fixtureProfile('generic'),
      { clientSecret: fixtureTokens.clientSecret },
      { includeSecrets: true },
    );
    const json = JSON.parse(outputs.find((o) => o.name === 'smtp-oauth.json')?.content ?? '{}') as {
      oauth: { refreshToken: string };
    };
    expect(json.oauth.refreshToken).toBe('<paste the refresh token>');
  });
});
