import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { channels } from '../../shared/ipc-contract';
import type { HandlerMap } from '../ipc/handler-map';
import { createSenderSessions, untrustedSender } from '../ipc/sender-sessions';

/**
 * The one `handle()` of the app: every contract channel is registered here, input is
 * validated by `dispatch` with the shared zod schemas, and requests from any frame that
 * is not the main frame of one of our own windows are refused. Everything else (one
 * session per window, progress, cancellation) is `sender-sessions.ts`, which tests run.
 */
export function registerIpc(handlers: HandlerMap, ownWindows: () => readonly BrowserWindow[]): void {
  const trusted = (frame: WebFrameMain | null): boolean =>
    frame !== null && ownWindows().some((w) => !w.isDestroyed() && w.webContents.mainFrame === frame);
  const sessions = createSenderSessions(handlers);

  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) =>
      trusted(event.senderFrame) ? sessions.for(event.sender).invoke(channel, input) : untrustedSender(),
    );
  }
}
