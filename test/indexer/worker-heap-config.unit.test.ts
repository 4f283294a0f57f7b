import { describe, expect, it } from 'vitest';
import { indexerConfigFromEnv } from '../../indexer/config.ts';

describe('INDEXER_WORKER_HEAP_MB', () => {
  const base = { ELASTICSEARCH_URL: 'http://127.0.0.1:9200' };
  it('is absent unless set (Node decides), and read as megabytes when set', () => {
    expect(indexerConfigFromEnv(base).workerHeapMb).toBeUndefined();
    expect(indexerConfigFromEnv({ ...base, INDEXER_WORKER_HEAP_MB: '256' }).workerHeapMb).toBe(256);
  });
  it('refuses a value a worker could not start with, naming the variable', () => {
    expect(() => indexerConfigFromEnv({ ...base, INDEXER_WORKER_HEAP_MB: '8' })).toThrow(/INDEXER_WORKER_HEAP_MB/);
    expect(() => indexerConfigFromEnv({ ...base, INDEXER_WORKER_HEAP_MB: 'lots' })).toThrow(/INDEXER_WORKER_HEAP_MB/);
  });
});
