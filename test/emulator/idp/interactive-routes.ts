// Routes of the pages a person clicks through (filled in by authorize/device/admin-consent modules).
import { type IncomingMessage } from 'node:http';
import { type IdpContext } from './context';
import { type Reply } from './http';

export async function routeInteractive(_ctx: IdpContext, _req: IncomingMessage, _url: URL): Promise<Reply | undefined> {
  return undefined;
}
