import { z } from 'zod';

/**
 * The one IPC contract: channel -> request schema -> response type. The preload's API,
 * the renderer's client and main's handler map are all derived from this object, so a
 * channel is declared exactly once. Requests are validated with these schemas in main
 * (the renderer is not trusted); responses are plain data typed here.
 */
function channel<Req extends z.ZodType>(request: Req) {
  return { returns: <Res>() => ({ request, response: undefined as unknown as Res }) };
}

const noInput = z.undefined();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
  keychain: z.discriminatedUnion('available', [
    z.object({ available: z.literal(true), backend: z.string() }),
    z.object({ available: z.literal(false), backend: z.string(), message: z.string() }),
  ]),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const ipcContract = {
  /** App name, versions and whether the keychain can be used: the first thing the wizard shows. */
  'app:info': channel(noInput).returns<AppInfo>(),
  /** Copies text (a command, an export, the support report) to the OS clipboard. */
  'clipboard:write': channel(z.object({ text: z.string().max(1_000_000) })).returns<{ readonly copied: true }>(),
} as const;

export type IpcContract = typeof ipcContract;
export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = z.input<IpcContract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<IpcContract[C]['request']>;
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

export const channels = Object.keys(ipcContract) as readonly Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcContract, name);
}

/** Events main pushes to the renderer (progress of long work). */
export const progressEventSchema = z.object({
  operationId: z.string(),
  stage: z.string(),
  message: z.string(),
  /** 0..1 when known. */
  fraction: z.number().min(0).max(1).optional(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;
export const PROGRESS_EVENT = 'event:progress';
