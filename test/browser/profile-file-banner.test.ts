import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { createBrowserTestPorts } from '../support/browser-ports';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { draftNamed as draft } from '../support/public-profile-draft';
import { startRendererHarness, type RendererHarness } from '../support/renderer-harness';

describe('a damaged profile file on the start screen (issue 11.6)', () => {
  let harness: RendererHarness;
  const root = mkdtempSync(join(tmpdir(), 'sow-file-banner-'));
  beforeAll(async () => {
    harness = await startRendererHarness();
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('offers the last good copy, restores it in one click and keeps the damaged file aside', async () => {
    const dir = await fs.mkdtemp(join(root, 'restore-'));
    const file = join(dir, 'profiles.json');
    const p = createBrowserTestPorts({ secrets: new MemorySecretStore(), profilesFile: file });
    await p.profiles.create(draft('Contoso relay'));
    await p.profiles.create(draft('Fabrikam relay')); // the file it replaced is the last good copy
    await fs.writeFile(file, '{"version":1,"profiles":[{"id":'); // a crash of some other tool, a bad sync
    const view = await harness.open(createHandlers(p));
    const banner = view.page.getByTestId('profile-file-damaged');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/The last good copy holds 1 profile \(saved /);
    await banner.getByRole('button', { name: 'Restore the last good copy' }).click();
    await view.page.getByTestId('profile-file-recovered').waitFor();
    await expect.poll(() => view.page.getByTestId('profile-card').count()).toBe(1);
    expect(await view.page.getByTestId('profile-card').textContent()).toContain('Contoso relay');
    expect(await view.page.getByTestId('profile-file-damaged').count()).toBe(0);
    const kept = (await fs.readdir(dir)).filter((n) => n.startsWith('profiles.json.damaged-'));
    expect(kept).toHaveLength(1);
    expect(await fs.readFile(join(dir, kept[0] ?? ''), 'utf8')).toBe('{"version":1,"profiles":[{"id":');
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it('without a good copy, starts fresh and the next save works', async () => {
    const dir = await fs.mkdtemp(join(root, 'fresh-'));
    const file = join(dir, 'profiles.json');
    await fs.writeFile(file, 'not json at all');
    const p = createBrowserTestPorts({ secrets: new MemorySecretStore(), profilesFile: file });
    const view = await harness.open(createHandlers(p));
    const banner = view.page.getByTestId('profile-file-damaged');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('There is no good copy to restore.');
    expect(await banner.getByRole('button', { name: 'Restore the last good copy' }).count()).toBe(0);
    await banner.getByRole('button', { name: 'Start fresh' }).click();
    const done = view.page.getByTestId('profile-file-recovered');
    await done.waitFor();
    expect(await done.textContent()).toContain('It starts empty.');
    await p.profiles.create(draft('After the fresh start'));
    expect((await p.profiles.list()).map((x) => x.name)).toEqual(['After the fresh start']);
    expect(view.errors).toEqual([]);
    await view.close();
  });
});
