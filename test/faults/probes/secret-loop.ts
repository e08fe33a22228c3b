// One OS process of the one-key-two-writers scenario (issue 11.11): `n` rounds of writing a
// value too large for one keychain entry (so it is chunked) to one key and reading it back,
// through the stores the app opens (openDataStores: the data folder's lock covers the write).
import { openDataStores } from '../../../src/core/profiles/data-stores';
import { KEY, valueOf } from './shared-secret';

const [dataDir = '', service = '', label = 'p', count = '300'] = process.argv.slice(2);

async function main(): Promise<void> {
  const { secrets } = openDataStores({ dataDir, service });
  const errors: string[] = [];
  let torn = 0;
  for (let i = 0; i < Number(count); i++) {
    try {
      await secrets.set(KEY, valueOf(label, i));
      const v = await secrets.get(KEY);
      // Whole: one of the values written by either process, never a mix of two.
      if (v === null || !/^[ab]:\d+:/.test(v) || v !== valueOf(v[0] ?? '', Number(v.split(':')[1]))) torn++;
    } catch (e) {
      errors.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    }
  }
  process.stdout.write(`${JSON.stringify({ label, errors, torn })}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
