// Issue 11.20: the per-window IPC code Electron runs (src/main/ipc/sender-sessions.ts, also
// behind the browser-test harness) against a real EventEmitter, the base of Electron's
// WebContents: many requests must not pile up listeners, and each request is its own operation.
import { EventEmitter } from 'node:events';
import { describe, expect } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { createSenderSessions, type IpcSender } from '../../src/main/ipc/sender-sessions';
import type { HandlerMap } from '../../src/main/ipc/handler-map';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { PROGRESS_EVENT, type ProgressEvent } from '../../src/shared/ipc-contract';
import { createBrowserTestPorts } from '../support/browser-ports';
import { faultScenario } from './fault-scenario';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A webContents stand-in: Electron's is an EventEmitter with these two methods added. */
class FakeWebContents extends EventEmitter implements IpcSender {
  destroyed = false;
  readonly sent: { channel: string; event: ProgressEvent }[] = [];
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, event: unknown): void {
    this.sent.push({ channel, event: event as ProgressEvent });
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

const realHandlers = (): HandlerMap =>
  createHandlers(
    createBrowserTestPorts({
      secrets: new MemorySecretStore(),
      profilesFile: join(mkdtempSync(join(tmpdir(), 'sow-faults-ipc-')), 'profiles.json'),
    }),
  );

describe('one IPC session per window', () => {
  faultScenario('11.20', 'crash', '100 invokes from one window add no listeners and raise no warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): number => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const sessions = createSenderSessions(realHandlers());
      const wc = new FakeWebContents();
      const before = wc.listenerCount('destroyed');
      for (let i = 0; i < 100; i += 1) {
        const r = await sessions.for(wc).invoke('profiles:list', undefined);
        expect(r.ok).toBe(true);
      }
      expect(wc.listenerCount('destroyed') - before).toBe(1);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  faultScenario(
    '11.20',
    'unclear',
    'each request without an id of its own gets one id for all its progress events',
    async () => {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const cancelled: boolean[] = [];
      const base = realHandlers();
      // Two progress events per request, then a wait (so requests overlap) until released or cancelled.
      const slowList: HandlerMap['profiles:list'] = async (req, ctx) => {
        ctx.progress({ stage: 'token', message: 'first' });
        ctx.progress({ stage: 'token', message: 'second' });
        await Promise.race([gate, new Promise((resolve) => ctx.signal.addEventListener('abort', resolve))]);
        cancelled.push(ctx.signal.aborted);
        return base['profiles:list'](req, ctx);
      };
      const wc = new FakeWebContents();
      const sessions = createSenderSessions({ ...base, 'profiles:list': slowList });
      const a = sessions.for(wc).invoke('profiles:list', undefined);
      const b = sessions.for(wc).invoke('profiles:list', undefined);
      release();
      await Promise.all([a, b]);
      expect(wc.sent.map((s) => [s.channel, s.event.operationId])).toEqual([
        [PROGRESS_EVENT, 'profiles:list#1'],
        [PROGRESS_EVENT, 'profiles:list#1'],
        [PROGRESS_EVENT, 'profiles:list#2'],
        [PROGRESS_EVENT, 'profiles:list#2'],
      ]);
      // A closed window cancels what it started, and nothing more is sent to it.
      const c = sessions.for(wc).invoke('profiles:list', undefined);
      wc.destroy();
      await c;
      expect(cancelled).toEqual([false, false, true]);
      const afterClose = wc.sent.length;
      await sessions.for(wc).invoke('profiles:list', undefined);
      expect(wc.sent).toHaveLength(afterClose);
    },
  );
});
