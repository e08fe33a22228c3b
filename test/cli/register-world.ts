// What the `register` tests share: the options that point a registration at the emulator.
import type { Emulator } from '../emulator';

/** The custom cloud on the emulator: its authority, Graph host, CA and SMTP server. */
export const emulatorCloudArgs = (emu: Emulator, caFile: string): string[] => [
  '--cloud',
  'custom',
  '--authority-host',
  emu.authorityHost,
  '--graph-host',
  emu.graph.host,
  '--ca-file',
  caFile,
  '--smtp-host',
  emu.smtp.host,
  '--smtp-port',
  String(emu.smtp.port),
];
