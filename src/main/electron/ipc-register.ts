import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { channels, PROGRESS_EVENT } from '../../shared/ipc-contract';
import { problem } from '../../shared/problem';
import { fail } from '../../shared/result';
import { dispatch } from '../ipc/dispatch';
import type { HandlerMap } from '../ipc/handler-map';

/**
 * The one `handle()` of the app: every contract channel is registered here, input is
 * validated by `dispatch` with the shared zod schemas, and requests from any frame that
 * is not the main frame of one of our own windows are refused.
 */
export function registerIpc(handlers: HandlerMap, ownWindows: () => readonly BrowserWindow[]): void {
  const trusted = (frame: WebFrameMain | null): boolean =>
    frame !== null && ownWindows().some((w) => !w.isDestroyed() && w.webContents.mainFrame === frame);

  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!trusted(event.senderFrame)) {
        return fail(
          problem({
            code: 'IPC_UNTRUSTED_SENDER',
            title: 'Request refused',
            explanation: 'A page that is not part of the app tried to talk to it.',
            fixSteps: ['Nothing to do; the request was ignored.'],
          }),
        );
      }
      const controller = new AbortController();
      event.sender.once('destroyed', () => controller.abort());
      let counter = 0;
      return dispatch(handlers, channel, input, {
        signal: controller.signal,
        progress: (p) => {
          if (!event.sender.isDestroyed()) {
            event.sender.send(PROGRESS_EVENT, { ...p, operationId: p.operationId ?? `${channel}#${++counter}` });
          }
        },
      });
    });
  }
}
