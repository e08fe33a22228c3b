import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Generous: browser sign-ins on a loaded 2-core CI machine are slow, and a timeout
    // here only turns a slow pass into a false failure.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // expect.poll's own default (1 s) is a timed assertion in disguise: a busy machine fails it.
    expect: { poll: { timeout: 20_000 } },
    // Two cores: more workers only make each slower and the browser tests flakier.
    maxWorkers: 2,
  },
});
