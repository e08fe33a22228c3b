import type { WizardApi } from '../shared/ipc-api';

declare global {
  interface Window {
    /** Exposed by the preload (or the browser-test harness); absent in a plain browser. */
    readonly smtpOauthWizard?: WizardApi;
  }
}
