import type { Channel, ProgressEvent, RequestOf, ResponseOf } from './ipc-contract';
import type { Result } from './result';

/**
 * What the preload exposes on `window.smtpOauthWizard` (and what the browser-test
 * harness exposes in its place): one typed `invoke` over the contract's channels.
 */
export interface WizardApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Subscribes to progress of long work; returns the unsubscribe function. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
}

export const API_GLOBAL = 'smtpOauthWizard';
