import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DismissCircleRegular, InfoRegular } from '@fluentui/react-icons';
import type { TokenInspection } from '../../shared/token-inspection';
import { Disclosure } from '../components/disclosure';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, wordBreak: 'break-word' },
  checks: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  check: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', margin: 0 },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  technical: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The access token in plain words: whether it is the token SMTP wants and why, then, under
 * "Show token details", who, for which service, allowed to do what and until when, with
 * the claim names. `smtpFailed` says the SMTP login failed anyway, so a valid token never
 * reads as "it works".
 */
export function ClaimsView({
  inspection,
  smtpFailed = false,
}: {
  readonly inspection: TokenInspection;
  readonly smtpFailed?: boolean;
}) {
  const styles = useStyles();
  const verdictIcon =
    inspection.verdict.fit === 'yes' ? (
      <CheckmarkCircleRegular className={styles.ok} />
    ) : inspection.verdict.fit === 'no' ? (
      <DismissCircleRegular className={styles.bad} />
    ) : (
      <InfoRegular />
    );
  return (
    <div data-testid="claims" className={styles.box}>
      <p className={styles.check}>
        {verdictIcon}
        <Text weight="semibold" data-testid="verdict">
          {inspection.verdict.summary}
        </Text>
      </p>
      {smtpFailed && inspection.verdict.fit !== 'no' && (
        <Text data-testid="verdict-smtp-failed">
          The SMTP login still failed, for the reason shown above: fix that, then check again.
        </Text>
      )}
      <ul className={styles.checks} aria-label="Token checks">
        {inspection.verdict.checks.map((c) => (
          <li key={`${c.name}:${c.message}`} className={styles.check}>
            {c.ok ? (
              <CheckmarkCircleRegular className={styles.ok} aria-label="passed" />
            ) : (
              <DismissCircleRegular className={styles.bad} aria-label="failed" />
            )}
            <Text size={200}>{c.message}</Text>
          </li>
        ))}
      </ul>
      <Disclosure summary="token details">
        {inspection.kind === 'jwt' ? (
          <dl className={styles.grid} data-testid="claims-details">
            <dt className={styles.term}>Who</dt>
            <dd className={styles.detail}>
              {inspection.claims.user ??
                (inspection.claims.roles.length > 0
                  ? `The app itself (${inspection.claims.appId ?? 'unknown app'})`
                  : 'not stated')}
            </dd>
            <dt className={styles.term}>For</dt>
            <dd className={styles.detail}>{inspection.claims.aud ?? 'not stated'}</dd>
            <dt className={styles.term}>Allowed to</dt>
            <dd className={styles.detail}>
              {[...inspection.claims.scp, ...inspection.claims.roles].join(', ') || 'nothing listed'}
            </dd>
            <dt className={styles.term}>Expires</dt>
            <dd className={styles.detail}>{inspection.expiresAt ? when(inspection.expiresAt) : 'not stated'}</dd>
            <dt className={styles.term}>Tenant</dt>
            <dd className={styles.detail}>{inspection.claims.tid ?? 'not stated'}</dd>
            {inspection.claims.oid && inspection.claims.roles.length > 0 && (
              <>
                <dt className={styles.term}>Service principal</dt>
                <dd className={styles.detail}>{inspection.claims.oid}</dd>
              </>
            )}
            <dt className={styles.term}>Claims</dt>
            <dd className={styles.detail}>
              {inspection.verdict.checks.flatMap((c) =>
                c.detail
                  ? [
                      <Text as="p" block key={c.name} className={styles.technical}>
                        {c.detail}
                      </Text>,
                    ]
                  : [],
              )}
            </dd>
          </dl>
        ) : (
          <Text>
            This token is opaque (a personal Microsoft account): only the SMTP login can tell whether it works.
          </Text>
        )}
      </Disclosure>
    </div>
  );
}
