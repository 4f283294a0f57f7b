/**
 * Starts the real local Elasticsearch once per test run (or uses
 * ELASTICSEARCH_URL) and hands its URL to every test file. A node this run
 * started is stopped again at the end, unless KEEP_ENGINE=1.
 */
import type { TestProject } from 'vitest/node';
import { ensureEngine, stopEngine } from '../../scripts/engine/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    engineUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = await ensureEngine(process.env, (line) => console.log(`[engine] ${line}`));
  project.provide('engineUrl', engine.url);
  return async () => {
    if (engine.started && process.env.KEEP_ENGINE !== '1') await stopEngine(process.env, () => {});
  };
}
