import { PROGRESS_EVENT, type ProgressEvent } from '../../shared/ipc-contract';
import { problem } from '../../shared/problem';
import { fail, type Result } from '../../shared/result';
import { dispatch } from './dispatch';
import type { HandlerMap } from './handler-map';

/**
 * What the IPC layer needs of the page that sent a request: Electron's `WebContents` has
 * this shape, and so does the browser-test harness's stand-in for a Playwright page, so
 * both run this very code.
 */
export interface IpcSender {
  once(event: 'destroyed', listener: () => void): unknown;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** One page's side of the IPC: its requests, their progress events, their cancellation. */
export interface SenderSession {
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>;
}

export interface SenderSessions {
  /** The session of this page, made on its first request and kept until it is destroyed. */
  for(sender: IpcSender): SenderSession;
}

/** The answer to a frame that is not one of the app's own windows. */
export const untrustedSender = (): Result<never> =>
  fail(
    problem({
      code: 'IPC_UNTRUSTED_SENDER',
      title: 'Request refused',
      explanation: 'A page that is not part of the app tried to talk to it.',
      fixSteps: ['Nothing to do; the request was ignored.'],
    }),
  );

/**
 * Per page, made once: one `destroyed` listener that cancels everything the page started
 * (a listener per request grew without bound: MaxListenersExceededWarning after ten), and a
 * request counter, so an operation that names no id of its own still gets one id for all its
 * progress events and a different one from the next request (`channel#1` every time before).
 */
export function createSenderSessions(handlers: HandlerMap): SenderSessions {
  const sessions = new WeakMap<IpcSender, SenderSession>();

  const open = (sender: IpcSender): SenderSession => {
    const closed = new AbortController();
    // A request that arrives as its page goes away starts cancelled.
    if (sender.isDestroyed()) closed.abort();
    else
      sender.once('destroyed', () => {
        closed.abort();
        sessions.delete(sender);
      });
    let requests = 0;
    return {
      invoke(channel, input) {
        const fallbackId = `${String(channel)}#${++requests}`;
        return dispatch(handlers, channel, input, {
          signal: closed.signal,
          progress: (p) => {
            if (sender.isDestroyed()) return;
            const event: ProgressEvent = { ...p, operationId: p.operationId ?? fallbackId };
            sender.send(PROGRESS_EVENT, event);
          },
        });
      },
    };
  };

  return {
    for(sender) {
      let session = sessions.get(sender);
      if (!session) {
        session = open(sender);
        if (!sender.isDestroyed()) sessions.set(sender, session);
      }
      return session;
    },
  };
}
