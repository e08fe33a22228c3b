import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CalendarAddRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import type { AemExportSettings, ExportOutput } from '../../../shared/export-output';
import type { Profile } from '../../../shared/profile';
import { refreshTokenRenewalOf } from '../../../shared/profile-lifecycle';
import { DelayedSpinner } from '../../components/delayed-spinner';
import { Disclosure } from '../../components/disclosure';
import { ProblemView } from '../../components/problem-view';
import { ResultRegion, settled } from '../../components/result-region';
import { useChannel, useChannelOnMount } from '../../ipc/use-channel';
import { useAemSettings } from '../export/aem-settings';
import { ExportCard, type SecretAccess } from '../export-card';
import { StepHeading } from '../step-heading';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalM,
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  options: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap', alignItems: 'flex-start' },
  port: { maxWidth: '220px' },
});

/** What the section heading calls the target: "What AEM needs". */
const shortName = (profile: Profile, label: string): string => (profile.targetId === 'aem' ? 'AEM' : label);

/** AEM as a Cloud Service (egress proxy and a port forward) or AEM 6.5 / Managed Services (direct). */
function AemConnection({
  value,
  onChange,
}: {
  readonly value: AemExportSettings;
  readonly onChange: (next: AemExportSettings) => void;
}) {
  const styles = useStyles();
  const [portText, setPortText] = useState(String(value.proxyPort));
  const port = Number(portText);
  const portOk = /^\d+$/.test(portText) && port >= 30000 && port <= 30999;
  return (
    <div className={styles.options}>
      <Field label="Where AEM runs">
        <RadioGroup
          value={value.connection}
          onChange={(_e, d) => onChange({ ...value, connection: d.value === 'direct' ? 'direct' : 'cloud-service' })}
        >
          <Radio value="cloud-service" label="AEM as a Cloud Service (through the egress proxy)" />
          <Radio value="direct" label="AEM 6.5 or Managed Services (direct connection)" />
        </RadioGroup>
      </Field>
      {value.connection === 'cloud-service' && (
        <Field
          className={styles.port}
          label="Port forward port (portOrig)"
          hint="Cloud Manager allows 30000–30999."
          validationState={portOk ? 'none' : 'error'}
          validationMessage={portOk ? undefined : 'Enter a port from 30000 to 30999.'}
        >
          <Input
            inputMode="numeric"
            value={portText}
            onChange={(_e, d) => {
              setPortText(d.value);
              const n = Number(d.value);
              if (/^\d+$/.test(d.value) && n >= 30000 && n <= 30999) onChange({ ...value, proxyPort: n });
            }}
          />
        </Field>
      )}
    </div>
  );
}

/** When the refresh token given to the target stops working, and a calendar reminder to renew it (issue 14.12). */
function RenewalNote({ profile, target }: { readonly profile: Profile; readonly target: string }) {
  const reminder = useChannel('export:save-reminder');
  const renewal = refreshTokenRenewalOf(profile);
  if (profile.flow !== 'delegated') return null;
  if (!renewal)
    return (
      <MessageBar intent="info" layout="multiline" data-testid="renewal">
        <MessageBarBody>
          Sign in first: the refresh token {target} needs comes from the sign-in, and its 90 days start then.
        </MessageBarBody>
      </MessageBar>
    );
  const where = profile.targetId === 'aem' ? 'the Cloud Manager variable' : `the one in ${target}`;
  const saved = reminder.state.status === 'ok' && !reminder.state.value.cancelled ? reminder.state.value : undefined;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="renewal">
      <MessageBarBody>
        <Text block>
          This refresh token stops working on <strong>{renewal.stopsOn}</strong> if {target} keeps using it instead of
          the new one it gets back at each use. Renew by <strong>{renewal.renewBy}</strong>: sign in again here and
          replace {where}.
        </Text>
        <Button
          icon={<CalendarAddRegular />}
          onClick={() => void reminder.run({ profileId: profile.id })}
          disabledFocusable={reminder.state.status === 'pending'}
        >
          Save a calendar reminder…
        </Button>
        <ResultRegion
          focusKey={
            reminder.state.status === 'ok' && reminder.state.value.cancelled ? undefined : settled(reminder.state)
          }
          label="Reminder result"
        >
          {saved && (
            <Text data-testid="reminder-saved">
              Saved {saved.file}: a reminder on {saved.renewBy}.
            </Text>
          )}
          {reminder.state.status === 'error' && <ProblemView problem={reminder.state.problem} />}
        </ResultRegion>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Step 6: what the target system needs first (numbered steps, its files and values, where
 * each goes), the other formats folded below; secret values copied from the keychain at
 * the press, or put into the outputs only when asked.
 */
export function ExportStep({
  profile: given,
  targetLabel,
  onSignIn,
}: {
  readonly profile: Profile;
  readonly targetLabel: string;
  readonly onSignIn?: () => void;
}) {
  const styles = useStyles();
  const profileId = given.id;
  // The wizard's copy may predate the sign-in: the stored state decides "Sign in first".
  const fresh = useChannelOnMount(
    'profiles:get',
    useMemo(() => ({ id: profileId }), [profileId]),
  );
  const profile = fresh.status === 'ok' ? fresh.value.profile : given;
  const stored = fresh.status === 'ok' ? fresh.value.stored : undefined;
  const isAem = profile.targetId === 'aem';
  const target = shortName(profile, targetLabel);
  // A certificate profile has neither a client secret nor a refresh token: there is nothing to include.
  const hasSecrets = profile.credential.kind === 'secret' || profile.flow === 'delegated';
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [aem, setAem] = useAemSettings(profileId);
  const list = useChannel('export:list');
  const save = useChannel('export:save');
  const request = useMemo(
    () => ({ profileId, includeSecrets, ...(isAem ? { aem } : {}) }),
    [profileId, includeSecrets, isAem, aem],
  );
  const { run } = list;
  useEffect(() => {
    void run(request);
  }, [run, request]);
  const outputs: readonly ExportOutput[] = list.state.status === 'ok' ? list.state.value : [];
  const needed = outputs.filter((o) => o.group === 'target');
  const others = outputs.filter((o) => o.group !== 'target');
  const access: SecretAccess = {
    profileId,
    hasRefreshToken: stored?.refreshToken ?? Boolean(profile.tokenState.refreshTokenStoredAt),
    ...(onSignIn ? { onSignIn } : {}),
  };
  const saved = save.state.status === 'ok' && !save.state.value.cancelled ? save.state.value : undefined;

  return (
    <>
      <StepHeading
        title={`Export for ${targetLabel}`}
        intro={`First what ${target} needs, in the order to do it; copy each item, or save them all to a folder.`}
      />
      {isAem && <AemConnection value={aem} onChange={setAem} />}
      <div className={styles.bar}>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          onClick={() => void save.run(request)}
          disabledFocusable={save.state.status === 'pending'}
        >
          Save all to a folder…
        </Button>
        {hasSecrets && (
          <Switch
            checked={includeSecrets}
            onChange={(_e, d) => setIncludeSecrets(d.checked)}
            label="Include secret values (client secret, refresh token)"
          />
        )}
      </div>
      {includeSecrets && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Secret values are now in the outputs. Anyone who gets these files can send mail as the mailbox: paste them
            into the target's secret store and delete the files.
          </MessageBarBody>
        </MessageBar>
      )}
      {save.state.status === 'pending' && <DelayedSpinner label="Saving…" />}
      {/* The folder dialog took focus; it comes back to the answer (or, after Cancel, to the button). */}
      <ResultRegion
        focusKey={save.state.status === 'ok' && save.state.value.cancelled ? undefined : settled(save.state)}
        label="Save result"
      >
        {saved && (
          <MessageBar intent="success" layout="multiline" data-testid="export-saved">
            <MessageBarBody>
              Saved {saved.files.length} files to {saved.directory}.
              {saved.notSaved.length > 0 &&
                ` Not saved, because their values are withheld: ${saved.notSaved.join(', ')}. Use “Copy value” for each, or turn on “Include secret values”.`}
            </MessageBarBody>
          </MessageBar>
        )}
        {save.state.status === 'error' && <ProblemView problem={save.state.problem} />}
      </ResultRegion>
      {list.state.status === 'pending' && <DelayedSpinner label="Preparing the exports…" />}
      {list.state.status === 'error' && <ProblemView problem={list.state.problem} />}
      {needed.length > 0 && (
        <section className={styles.section} aria-labelledby="export-needed" data-testid="export-needed">
          <Text as="h3" weight="semibold" size={400} id="export-needed">
            What {target} needs
          </Text>
          <RenewalNote profile={profile} target={target} />
          <div className={styles.list}>
            {needed.map((o) => (
              <ExportCard key={o.name} output={o} includeSecrets={includeSecrets} access={access} />
            ))}
          </div>
        </section>
      )}
      {others.length > 0 && (
        <section className={styles.section} aria-label="Other formats" data-testid="export-others">
          <Disclosure summary={`other formats (${others.length}: settings files and scripts to test by hand)`}>
            <div className={styles.list}>
              {others.map((o) => (
                <ExportCard key={o.name} output={o} includeSecrets={includeSecrets} access={access} />
              ))}
            </div>
          </Disclosure>
        </section>
      )}
      {list.state.status === 'ok' && outputs.length === 0 && <Text>Nothing to export for this profile.</Text>}
    </>
  );
}
