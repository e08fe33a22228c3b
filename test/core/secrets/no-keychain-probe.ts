// Run in a child process with no reachable Secret Service: prints what the store reports.
import { createKeytarSecretStore } from '../../../src/core/secrets/keytar-secret-store';
import { SecretStoreError } from '../../../src/core/secrets/secret-store';

async function main(): Promise<void> {
  const store = createKeytarSecretStore('smtp-oauth-wizard-probe');
  const status = await store.status();
  let thrown: { name: string; reason: string; message: string } | null = null;
  try {
    await store.set('probe', 'value');
  } catch (e) {
    thrown =
      e instanceof SecretStoreError
        ? { name: e.name, reason: e.reason, message: e.message }
        : { name: 'other', reason: '', message: String(e) };
  }
  process.stdout.write(JSON.stringify({ status, thrown }));
}

void main();
