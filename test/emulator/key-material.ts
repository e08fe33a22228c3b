// The emulator's keys: a committed, test-only fixture (fixtures/keys.json, made by write-fixture-keys.ts)
// so that start+close stays far under a second; generating them takes about one second.
import keysJson from './fixtures/keys.json';
import { type KeyMaterial } from './make-keys';

export function loadKeyMaterial(): KeyMaterial {
  return keysJson;
}
