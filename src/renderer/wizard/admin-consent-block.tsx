import { Button, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { CopyButton } from '../components/copy-button';
import { invoke } from '../ipc/wizard-client';
import { adminConsentLink, type ConsentLinkInput } from './admin-consent-link';

const useStyles = makeStyles({
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  link: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** The admin-consent link: opened by whoever uses the app if they are an administrator, or sent to one. */
export function AdminConsentBlock({ draft }: { readonly draft: ConsentLinkInput }) {
  const styles = useStyles();
  const link = adminConsentLink(draft);
  return (
    <section className={styles.block} aria-labelledby="admin-consent">
      <Subtitle1 as="h3" id="admin-consent">
        Admin consent link
      </Subtitle1>
      <Text data-testid="admin-consent-who">
        If you are an administrator of this tenant (Global Administrator, Privileged Role Administrator, Cloud
        Application Administrator or Application Administrator), open the link and accept: that grants the permissions
        above for the whole organization, the same as “Grant admin consent”. If you are not, copy it and send it to one
        of them.
      </Text>
      {link ? (
        <>
          <Text className={styles.link} data-testid="admin-consent-link">
            {link}
          </Text>
          <div className={styles.row}>
            <CopyButton text={link} what="admin consent link" showLabel />
            <Button icon={<OpenRegular />} onClick={() => void invoke('external:open', { url: link })}>
              Open
            </Button>
          </div>
        </>
      ) : (
        <Text>
          The link appears here once the tenant and the Application (client) ID are entered in the Details step.
        </Text>
      )}
    </section>
  );
}
