import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Three projects, one run:
 * - `unit`: `*.unit.test.ts` files, pure code only (no engine, no browser, no
 *   child processes); `npm run test:fast` runs just these.
 * - `engine`: every other test outside test/web, against the real engine.
 * - `browser`: test/web, Chromium against the built web app and the API.
 * A project's global setup runs only when the run has test files of it, so
 * the fast layer never starts an engine and only browser runs build the web app.
 */
const UNIT = 'test/**/*.unit.test.ts';
const GLOBAL_SETUP = ['test/support/global-setup.ts'];
const BROWSER_WORKERS = 2;
const ENGINE_WORKERS = 3;

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Browser and engine round trips on a loaded 2-core machine: polls wait up to 20 s, not the default 1 s.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 240_000,
    // Two cores here. The browser files (Chromium, the API and the engine busy at once) keep both cores busy
    // with two workers; the engine files wait on the engine, timers and child processes a good part of their
    // time, so they run with a third worker in a group of their own after the browser files (groupOrder).
    // Measured back to back on one engine: 540.7 s of vitest with two workers throughout (18% of the CPU
    // idle), 493.8 s with this split (10% idle). Three workers throughout took longer (624 s against 591 s).
    // Four engine workers were quicker alone (282 s and 301 s against 321 s and 329 s), but in a fresh clone
    // an API's index creation at start-up then outran its 10 s request timeout (the engine busy with four
    // files, a second engine starting and a restore), so three it stays.
    maxWorkers: BROWSER_WORKERS,
    // Test files in a worker share its module cache (each file still runs its own code): importing
    // the API and indexer once per worker instead of once per file saves about a second of CPU per file.
    // Files keep their state in their own module (prefixes, servers) and close what they open.
    isolate: false,
    projects: [
      { extends: true, test: { name: 'unit', include: [UNIT], maxWorkers: ENGINE_WORKERS, sequence: { groupOrder: 1 } } },
      {
        extends: true,
        test: {
          name: 'engine',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, UNIT, 'test/web/**'],
          maxWorkers: ENGINE_WORKERS,
          sequence: { groupOrder: 1 },
          // One real Elasticsearch for the whole run, started (or found) before any test file.
          globalSetup: GLOBAL_SETUP,
        },
      },
      {
        extends: true,
        // The name the global setup looks for (BROWSER_PROJECT) to build the web app once.
        test: {
          name: 'browser',
          include: ['test/web/**/*.test.ts'],
          exclude: [...configDefaults.exclude, UNIT],
          globalSetup: GLOBAL_SETUP,
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
