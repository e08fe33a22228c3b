import type { OptionSpec } from './args';

/** `register`'s options, apart from the command so `--help` and parsing load nothing heavy. */
export const registerOptionsSpec = {
  target: { type: 'string' },
  flow: { type: 'string' },
  tenant: { type: 'string' },
  mailbox: { type: 'string' },
  certificate: { type: 'boolean' },
  'device-code': { type: 'boolean' },
  name: { type: 'string' },
  'app-name': { type: 'string' },
  'secret-months': { type: 'string' },
  cloud: { type: 'string' },
  'authority-host': { type: 'string' },
  'graph-host': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'ca-file': { type: 'string' },
  'admin-client-id': { type: 'string' },
  continue: { type: 'string' },
  exchange: { type: 'boolean' },
  group: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  'wait-minutes': { type: 'string' },
} as const satisfies OptionSpec;
