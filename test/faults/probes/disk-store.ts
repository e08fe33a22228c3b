// The profile store on a real file-system fault, run by test/faults/profiles.test.ts inside a
// mount namespace of its own (unshare): `full` on a 64 KB tmpfs it fills up, `read-only` on a
// read-only bind mount. Prints what the store answered and what the folder holds afterwards.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import { isProblemError } from '../../../src/core/problem-error';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { draftNamed } from '../../support/public-profile-draft';

const [dir = '', mode = ''] = process.argv.slice(2);
const file = path.join(dir, 'profiles.json');

const outcome = (e: unknown) =>
  isProblemError(e)
    ? { code: e.problem.code, title: e.problem.title, explanation: e.problem.explanation, name: e.name }
    : { code: 'NOT_A_PROBLEM', explanation: String(e) };

async function fill(): Promise<void> {
  const filler = await fs.open(path.join(dir, 'filler'), 'w');
  const block = Buffer.alloc(1024, 1);
  try {
    for (;;) await filler.write(block);
  } catch {
    // ENOSPC: the disk is full now
  } finally {
    await filler.close();
  }
}

async function main(): Promise<void> {
  const store = createProfileStore({ file, secrets: new MemorySecretStore() });
  const result: Record<string, unknown> = {};
  if (mode === 'full') {
    await store.create(draftNamed('Saved before the disk filled up'));
    await fill();
  }
  result.failed = await store
    .create(draftNamed('Saved on a full or read-only disk'))
    .then(() => ({ code: 'SAVED' }), outcome);
  result.recorded = await store
    .list()
    .then(
      async (all) =>
        all[0] ? store.recordTokenState(all[0].id, { account: 'x@contoso.com' }).then(() => 'SAVED', outcome) : 'NONE',
      outcome,
    );
  result.listed = await store.list().then((all) => all.map((p) => p.name), outcome);
  result.files = (await fs.readdir(dir)).sort();
  if (mode === 'full') {
    await fs.rm(path.join(dir, 'filler'));
    result.afterSpaceFreed = await store.create(draftNamed('Saved once space was freed')).then(() => 'SAVED', outcome);
    result.listedAfter = (await store.list()).map((p) => p.name);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
