// One OS process of the two-writers scenario (issue 11.2): `n` saves into the profile file of
// `dataDir`, each a new profile, and after each a token-state record on a profile the other
// process may have written, as the desktop app saving while the CLI records a token state.
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import { profilesFileIn } from '../../../src/core/profiles/default-location';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { draftNamed } from '../../support/public-profile-draft';

const [dataDir = '', label = 'p', count = '200'] = process.argv.slice(2);

async function main(): Promise<void> {
  const store = createProfileStore({ file: profilesFileIn(dataDir), secrets: new MemorySecretStore() });
  const recorded: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    await store.create(draftNamed(`${label}-${i}`));
    const all = await store.list();
    const other = all[Math.floor(Math.random() * all.length)];
    if (other) {
      await store.recordTokenState(other.id, { account: `${label}-${i}@contoso.com` });
      recorded.push(other.id);
    }
  }
  process.stdout.write(`${JSON.stringify({ label, recorded: recorded.length })}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
