import { contextBridge, ipcRenderer } from 'electron';
import type { WizardApi } from '../shared/ipc-api';
import { API_GLOBAL } from '../shared/ipc-api';
import { isChannel, PROGRESS_EVENT, progressEventSchema } from '../shared/ipc-contract';
import { problem } from '../shared/problem';
import { fail } from '../shared/result';

// Exactly the contract's channels, nothing else: the renderer never sees ipcRenderer.
const api: WizardApi = {
  invoke(channel, request) {
    if (!isChannel(channel)) {
      return Promise.resolve(
        fail(
          problem({
            code: 'IPC_UNKNOWN_CHANNEL',
            title: 'Unknown request',
            explanation: 'The window asked for something the app does not offer.',
            fixSteps: ['Restart the app.'],
          }),
        ),
      );
    }
    return ipcRenderer.invoke(channel, request);
  },
  onProgress(listener) {
    const wrapped = (_e: Electron.IpcRendererEvent, payload: unknown): void => {
      const parsed = progressEventSchema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(PROGRESS_EVENT, wrapped);
    return () => ipcRenderer.removeListener(PROGRESS_EVENT, wrapped);
  },
};

contextBridge.exposeInMainWorld(API_GLOBAL, api);
