import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { AppHeader } from './components/app-header';
import { ProblemView } from './components/problem-view';
import { useChannelOnMount } from './ipc/use-channel';
import { ScreenRouter } from './screens/screen-router';

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

export function App() {
  const styles = useStyles();
  // Versions and the keychain's state fill in when they arrive: the start screen does not wait
  // for the keychain to answer (it can take seconds when it is locked or busy).
  const info = useChannelOnMount('app:info', undefined);
  return (
    <div className={styles.app}>
      <AppHeader info={info.status === 'ok' ? info.value : undefined} pending={info.status !== 'error'} />
      <main className={styles.main}>
        {info.status === 'error' && (
          <ProblemView problem={info.problem} actions={<Button onClick={info.reload}>Try again</Button>} />
        )}
        {info.status !== 'error' && <ScreenRouter {...(info.status === 'ok' ? { info: info.value } : {})} />}
      </main>
    </div>
  );
}
