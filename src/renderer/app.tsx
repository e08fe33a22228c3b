import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { AppHeader } from './components/app-header';
import { DelayedSpinner } from './components/delayed-spinner';
import { ProblemView } from './components/problem-view';
import { useChannelOnMount } from './ipc/use-channel';
import { StartScreen } from './screens/start-screen';
import type { WizardStepId } from './wizard-steps';

// The wizard is its own chunk, fetched when a set-up is opened: the start screen, the first
// thing on screen, does not wait for the code of six steps it does not show.
const Wizard = lazy(async () => ({ default: (await import('./wizard/wizard')).Wizard }));
const WizardScreen = lazy(async () => ({ default: (await import('./screens/wizard-screen')).WizardScreen }));

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
  | { readonly screen: 'wizard'; readonly profileId?: string; readonly step?: WizardStepId; readonly key: number };

export function App() {
  const styles = useStyles();
  // Versions and the keychain's state fill in when they arrive: the start screen does not wait
  // for the keychain to answer (it can take seconds when it is locked or busy).
  const info = useChannelOnMount('app:info', undefined);
  const [route, setRoute] = useState<Route>({ screen: 'start' });
  const toStart = () => setRoute({ screen: 'start' });
  return (
    <div className={styles.app}>
      <AppHeader info={info.status === 'ok' ? info.value : undefined} pending={info.status !== 'error'} />
      <main className={styles.main}>
        {info.status === 'error' && (
          <ProblemView problem={info.problem} actions={<Button onClick={info.reload}>Try again</Button>} />
        )}
        {info.status !== 'error' && route.screen === 'start' && (
          <StartScreen
            {...(info.status === 'ok' ? { info: info.value } : {})}
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
        {info.status !== 'error' && route.screen === 'wizard' && (
          <Suspense fallback={<DelayedSpinner label="Opening the wizard…" />}>
            {route.profileId ? (
              <WizardScreen
                key={route.key}
                profileId={route.profileId}
                {...(route.step ? { step: route.step } : {})}
                onClose={toStart}
              />
            ) : (
              <Wizard key={route.key} view={undefined} onClose={toStart} />
            )}
          </Suspense>
        )}
      </main>
    </div>
  );
}
