// Regenerates fixtures/keys.json (test-only keys: a throwaway CA, server, signing and client certificates).
// Run from the repository root: npx tsx test/emulator/write-fixture-keys.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeKeyMaterial } from './make-keys';

const target = join(process.cwd(), 'test/emulator/fixtures/keys.json');
writeFileSync(
  target,
  JSON.stringify(
    { $comment: 'TEST-ONLY keys for the local emulator; never trust this CA outside tests.', ...makeKeyMaterial() },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${target}`);
