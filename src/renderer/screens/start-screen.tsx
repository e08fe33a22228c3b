import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, Title3, tokens } from '@fluentui/react-components';
import type { AppInfo } from '../../shared/ipc-contract';
import { StepsOverview } from '../components/steps-overview';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
});

/** The first screen: what the wizard will do, step by step, and whether the keychain works. */
export function StartScreen({ info }: { readonly info: AppInfo }) {
  const styles = useStyles();
  return (
    <section className={styles.screen} aria-labelledby="start-title">
      <Title3 as="h2" id="start-title">Set up Microsoft 365 SMTP with OAuth2</Title3>
      <Text>The wizard takes you through six steps. Everything you type is kept until you finish.</Text>
      {!info.keychain.available && (
        <MessageBar intent="warning" layout="multiline" data-testid="keychain-problem">
          <MessageBarBody>
            <MessageBarTitle>The keychain cannot be used</MessageBarTitle>
            {info.keychain.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <StepsOverview />
    </section>
  );
}
