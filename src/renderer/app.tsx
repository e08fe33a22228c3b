import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { AppHeader } from './components/app-header';
import { DelayedSpinner } from './components/delayed-spinner';
import { ProblemView } from './components/problem-view';
import { useChannelOnMount } from './ipc/use-channel';
import { BulkCheckScreen } from './screens/bulk-check-screen';
import { StartScreen } from './screens/start-screen';
import { WizardScreen } from './screens/wizard-screen';
import { Wizard } from './wizard/wizard';
import type { WizardStepId } from './wizard-steps';

const useStyles = makeStyles({
  app: {
    minHeight: '100%',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    flexGrow: 1,
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});

type Route =
  | { readonly screen: 'start' }
  | { readonly screen: 'bulk' }
  | { readonly screen: 'wizard'; readonly profileId?: string; readonly step?: WizardStepId; readonly key: number };

export function App() {
  const styles = useStyles();
  const info = useChannelOnMount('app:info', undefined);
  const [route, setRoute] = useState<Route>({ screen: 'start' });
  const toStart = () => setRoute({ screen: 'start' });
  return (
    <div className={styles.app}>
      <AppHeader info={info.status === 'ok' ? info.value : undefined} />
      <main className={styles.main}>
        {(info.status === 'pending' || info.status === 'idle') && <DelayedSpinner label="Starting…" />}
        {info.status === 'error' && (
          <ProblemView problem={info.problem} actions={<Button onClick={info.reload}>Try again</Button>} />
        )}
        {info.status === 'ok' && route.screen === 'start' && (
          <StartScreen
            info={info.value}
            onBulkCheck={() => setRoute({ screen: 'bulk' })}
            onOpen={(profileId, step) =>
              setRoute({
                screen: 'wizard',
                key: Date.now(),
                ...(profileId ? { profileId } : {}),
                ...(step ? { step } : {}),
              })
            }
          />
        )}
        {info.status === 'ok' && route.screen === 'bulk' && <BulkCheckScreen onClose={toStart} />}
        {info.status === 'ok' &&
          route.screen === 'wizard' &&
          (route.profileId ? (
            <WizardScreen
              key={route.key}
              profileId={route.profileId}
              {...(route.step ? { step: route.step } : {})}
              onClose={toStart}
            />
          ) : (
            <Wizard key={route.key} view={undefined} onClose={toStart} />
          ))}
      </main>
    </div>
  );
}
