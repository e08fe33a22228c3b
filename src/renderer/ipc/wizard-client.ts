import type { Channel, ProgressEvent, RequestOf, ResponseOf } from '../../shared/ipc-contract';
import { problem } from '../../shared/problem';
import { fail, type Result } from '../../shared/result';

/**
 * The renderer's only way to main: the contract's channels through the preload bridge.
 * Never throws; a missing bridge or a broken call comes back as a Problem like any other.
 */
export async function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const api = window.smtpOauthWizard;
  if (!api) {
    return fail(
      problem({
        code: 'NO_BRIDGE',
        title: 'The app is not connected',
        explanation:
          'This window was opened outside the SMTP OAuth Wizard app, so it cannot reach the keychain or the network.',
        fixSteps: ['Close this window and start SMTP OAuth Wizard from its shortcut.'],
      }),
    );
  }
  try {
    return await api.invoke(channel, request);
  } catch {
    return fail(
      problem({
        code: 'IPC_FAILED',
        title: 'The app did not answer',
        explanation: 'The window lost its connection to the rest of the app. Nothing you typed was lost.',
        fixSteps: ['Try again.', 'If it keeps happening, restart the app.'],
      }),
    );
  }
}

export function onProgress(listener: (event: ProgressEvent) => void): () => void {
  return window.smtpOauthWizard?.onProgress(listener) ?? (() => undefined);
}
