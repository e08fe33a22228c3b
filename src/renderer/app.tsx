import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { AppHeader } from './components/app-header';
import { DelayedSpinner } from './components/delayed-spinner';
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
  const info = useChannelOnMount('app:info', undefined);
  return (
    <div className={styles.app}>
      <AppHeader info={info.status === 'ok' ? info.value : undefined} />
      <main className={styles.main}>
        {(info.status === 'pending' || info.status === 'idle') && <DelayedSpinner label="Starting…" />}
        {info.status === 'error' && (
          <ProblemView problem={info.problem} actions={<Button onClick={info.reload}>Try again</Button>} />
        )}
        {info.status === 'ok' && <ScreenRouter info={info.value} />}
      </main>
    </div>
  );
}
