import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real Elasticsearch for the whole run, started (or found) before any test file.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    // Browser and engine round trips on a loaded 2-core machine: polls wait up to 20 s, not the default 1 s.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 240_000,
    // Two cores here: a couple of workers keep the engine and the tests from starving each other.
    maxWorkers: 2,
  },
});
