import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real Elasticsearch for the whole run, started (or found) before any test file.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores here: a couple of workers keep the engine and the tests from starving each other.
    maxWorkers: 2,
  },
});
