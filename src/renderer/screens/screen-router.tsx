import { useModalAttributes } from '@fluentui/react-components';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../shared/ipc-contract';
import type { Profile } from '../../shared/profile';
import { formForAnotherClient } from '../wizard/draft-form';
import type { WizardStepId } from '../wizard-steps';
import { DelayedSpinner } from '../components/delayed-spinner';
import { StartScreen } from './start-screen';

// The wizard and the bulk check are their own chunks, fetched when opened: the start screen, the
// first thing on screen, does not wait for the code of six steps it does not show (issue 17.11).
const Wizard = lazy(async () => ({ default: (await import('../wizard/wizard')).Wizard }));
const WizardScreen = lazy(async () => ({ default: (await import('./wizard-screen')).WizardScreen }));
const DraftScreen = lazy(async () => ({ default: (await import('./draft-screen')).DraftScreen }));
const BulkCheckScreen = lazy(async () => ({ default: (await import('./bulk-check-screen')).BulkCheckScreen }));

const Loading = ({ children }: { readonly children: ReactNode }) => (
  <Suspense fallback={<DelayedSpinner label="Opening…" />}>{children}</Suspense>
);

type Route =
  | { readonly screen: 'start'; readonly notice?: string; readonly back?: boolean }
  | { readonly screen: 'bulk' }
  | { readonly screen: 'profile'; readonly profileId: string; readonly step?: WizardStepId; readonly key: number }
  | { readonly screen: 'draft'; readonly draftId: string; readonly key: number }
  | { readonly screen: 'new'; readonly template?: Profile; readonly key: number };

/** The start screen, the bulk mailbox check, and the wizard on a saved profile, a kept draft or a new set-up. */
/** `info` is absent until app:info answers: the start screen shows at once and fills it in. */
export function ScreenRouter({ info }: { readonly info?: AppInfo }) {
  // Keeps Fluent's focus manager (tabster) alive across screens: when the last dialog of a screen
  // unmounts with it, tabster is disposed before it takes its aria-hidden off the page, and the
  // next screen is hidden from screen readers (microsoft/fluentui#35139).
  useModalAttributes();
  const [route, setRoute] = useState<Route>({ screen: 'start' });
  const toStart = (notice?: string) => setRoute({ screen: 'start', back: true, ...(notice ? { notice } : {}) });
  switch (route.screen) {
    case 'start':
      return (
        <StartScreen
          {...(info ? { info } : {})}
          {...(route.notice ? { notice: route.notice } : {})}
          focusTitle={route.back === true}
          onOpen={(profileId, step) =>
            setRoute(
              profileId
                ? { screen: 'profile', profileId, key: Date.now(), ...(step ? { step } : {}) }
                : { screen: 'new', key: Date.now() },
            )
          }
          onResume={(draftId) => setRoute({ screen: 'draft', draftId, key: Date.now() })}
          onNewFrom={(template) => setRoute({ screen: 'new', template, key: Date.now() })}
          onBulkCheck={() => setRoute({ screen: 'bulk' })}
        />
      );
    case 'bulk':
      return (
        <Loading>
          <BulkCheckScreen onClose={() => toStart()} />
        </Loading>
      );
    case 'profile':
      return (
        <Loading>
          <WizardScreen
            key={route.key}
            profileId={route.profileId}
            {...(route.step ? { step: route.step } : {})}
            onClose={toStart}
          />
        </Loading>
      );
    case 'draft':
      return (
        <Loading>
          <DraftScreen key={route.key} draftId={route.draftId} onClose={toStart} />
        </Loading>
      );
    case 'new':
      return (
        <Loading>
          <Wizard
            key={route.key}
            start={route.template ? { kind: 'new', form: formForAnotherClient(route.template) } : { kind: 'new' }}
            {...(route.template
              ? {
                  note: `A new set-up from “${route.template.name}” for another client: enter that client’s profile name, tenant, Application (client) ID, credential and mailbox. Nothing secret was copied.`,
                }
              : {})}
            onClose={toStart}
          />
        </Loading>
      );
  }
}
