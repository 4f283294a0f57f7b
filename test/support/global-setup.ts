/**
 * Runs once per test run for each vitest project that has test files in the
 * run (see vitest.config.ts): starts the real local Elasticsearch (or uses
 * ELASTICSEARCH_URL) and hands its URL to every test file; for the browser
 * tests it also builds the web app, once, before any of them starts (so
 * parallel test files never build it at the same time). It loads the
 * skills and occupations indices every test shares (shared-taxonomy.ts). A node this run
 * started is stopped again at the end, unless KEEP_ENGINE=1. The `unit`
 * project has no global setup: it needs neither.
 */
import type { TestProject } from 'vitest/node';
import { ensureEngine, stopEngine } from '../../scripts/engine/server.ts';
import { ensureWebBuild } from '../../scripts/build-web.ts';
import { createEngineClient } from '../../mappings/connection.ts';
import { loadSharedTaxonomy, sharedTaxonomyPrefix } from './shared-taxonomy.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    engineUrl: string;
    /** Prefix of the run's shared skills and occupations indices (shared-taxonomy.ts). */
    taxonomyPrefix: string;
  }
}

/** The vitest project whose tests drive the built web app in a browser. */
export const BROWSER_PROJECT = 'browser';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = await ensureEngine(process.env, (line) => console.log(`[engine] ${line}`));
  project.provide('engineUrl', engine.url);
  const client = createEngineClient({ url: engine.url });
  const taxonomyPrefix = sharedTaxonomyPrefix();
  const [removeTaxonomy] = await Promise.all([
    loadSharedTaxonomy(client, taxonomyPrefix),
    project.name === BROWSER_PROJECT ? ensureWebBuild({ log: (line) => console.log(`[web] ${line}`) }) : undefined,
  ]);
  project.provide('taxonomyPrefix', taxonomyPrefix);
  return async () => {
    await removeTaxonomy().catch(() => undefined);
    await client.close();
    if (engine.started && process.env.KEEP_ENGINE !== '1') await stopEngine(process.env, () => {});
  };
}
