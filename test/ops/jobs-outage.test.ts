/**
 * Issue 13 item 6: scheduled jobs survive engine outages. With the real
 * engine taken away behind a TCP proxy, the indexer's re-verification and
 * the API's report snapshot keep firing on their (short) schedules: each run
 * during the outage is logged as failed with its cause, and the next tick
 * after the engine returns succeeds, with no restart of anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../api/log.ts';
import { indexerConfigFromEnv } from '../../indexer/config.ts';
import { indexerJobs } from '../../indexer/jobs/indexer-jobs.ts';
import { createRuntime, type IndexerRuntime } from '../../indexer/runtime/runtime.ts';
import type { Job } from '../../mappings/runtime/scheduled-job.ts';
import { startAccountApi, type AccountApi } from '../support/account-api.ts';
import { engineUrl, shareTaxonomyWith, uniquePrefix } from '../support/engine.ts';
import { startOutageProxy, type OutageProxy } from '../support/outage-proxy.ts';

interface Outcome {
  job?: string;
  outcome?: string;
  error?: string;
  at: number;
}

const EVERY_2S = '*/2 * * * * *';
const prefix = uniquePrefix('jobs-outage');
const outcomes: Outcome[] = [];
let proxy: OutageProxy;
let runtime: IndexerRuntime;
let reverify: Job;
let api: AccountApi;

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; outcomes: ${JSON.stringify(outcomes)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const of = (job: string, outcome: string, after: number) => outcomes.filter((o) => o.job === job && o.outcome === outcome && o.at >= after);

let unlinkTaxonomy: (() => Promise<void>) | undefined;

beforeAll(async () => {
  unlinkTaxonomy = await shareTaxonomyWith(prefix);
  proxy = await startOutageProxy(engineUrl());
  runtime = await createRuntime(
    indexerConfigFromEnv({ ELASTICSEARCH_URL: proxy.url, INDEX_PREFIX: prefix, INDEXER_REVERIFY_CRON: EVERY_2S, BACKUP_CRON: 'off' }),
  );
  reverify = indexerJobs(runtime, (_line, fields = {}) => outcomes.push({ ...(fields as Omit<Outcome, 'at'>), at: Date.now() })).find(
    (j) => j.name === 'reverify',
  )!;
  const log = createLogger('info', (line) => {
    const parsed = JSON.parse(line) as Outcome;
    if (parsed.job) outcomes.push({ ...parsed, at: Date.now() });
  });
  api = await startAccountApi(
    'jobs-outage',
    { ELASTICSEARCH_URL: proxy.url, INDEX_PREFIX: prefix, REPORT_SNAPSHOT_CRON: EVERY_2S, REQUEST_TIMEOUT_MS: '3000' },
    { log },
  );
  reverify.start();
}, 240_000);

afterAll(async () => {
  await reverify?.shutdown(5000);
  await proxy.up();
  await api?.cleanup();
  await runtime?.close();
  await proxy.close();
  await unlinkTaxonomy?.();
}, 120_000);

describe('scheduled jobs and engine outages', () => {
  it('fail while the engine is down, logged with the cause, and succeed at the next tick after it returns', async () => {
    await until(
      () => of('reverify', 'ok', 0).length > 0 && of('skill-gap-snapshot', 'ok', 0).length > 0,
      60_000,
      'a first successful run of each job',
    );

    await proxy.down();
    const down = Date.now();
    await until(
      () => of('reverify', 'failed', down).length >= 2 && of('skill-gap-snapshot', 'failed', down).length >= 2,
      60_000,
      'two failed runs of each job during the outage',
    );
    for (const failed of [...of('reverify', 'failed', down), ...of('skill-gap-snapshot', 'failed', down)])
      expect(failed.error).toBeTruthy();
    expect(of('reverify', 'failed', down)[0]!.error).toMatch(/connect|ECONNREFUSED|No Living connections/i);
    expect(of('skill-gap-snapshot', 'failed', down)[0]!.error).toMatch(/unavailable/i);

    await proxy.up();
    const up = Date.now();
    await until(
      () => of('reverify', 'ok', up).length > 0 && of('skill-gap-snapshot', 'ok', up).length > 0,
      60_000,
      'a successful run of each job after the engine returned',
    );
    // The first tick after the return already succeeds (or the one after, if a tick fell on the switch).
    expect(of('reverify', 'ok', up)[0]!.at - up).toBeLessThan(6_000);
  }, 240_000);
});
