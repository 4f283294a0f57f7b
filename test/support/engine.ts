/**
 * Per-file access to the real engine: a client and an index prefix of the
 * file's own, so test files run in parallel and never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { createEngineClient } from '../../mappings/connection.ts';
import { deleteAllIndices, type IndexTarget } from '../../mappings/indices.ts';
import { linkSharedTaxonomy, unlinkSharedTaxonomy } from './shared-taxonomy.ts';

export function engineUrl(): string {
  const url = inject('engineUrl');
  // The unit project (`*.unit.test.ts`) has no global setup, so no engine: say so rather than fail on a missing URL later.
  if (!url) throw new Error('no engine in this run: a test that needs Elasticsearch must not be named *.unit.test.ts');
  return url;
}

export function engineClient(): Client {
  return createEngineClient({ url: engineUrl() });
}

/** A fresh prefix such as `test-alias-3fa9c1`; `name` says which file owns it. */
export function uniquePrefix(name: string): string {
  return `test-${name}-${randomBytes(3).toString('hex')}`;
}

export interface TestIndices extends IndexTarget {
  cleanup(): Promise<void>;
}

export function testIndices(name: string): TestIndices {
  const client = engineClient();
  const target: IndexTarget = { client, prefix: uniquePrefix(name), replicas: 0 };
  return {
    ...target,
    async cleanup() {
      await deleteAllIndices(target);
      await unlinkSharedTaxonomy(target);
      await client.close();
    },
  };
}

/**
 * Gives `target` the run's shared skills and occupations indices (see
 * shared-taxonomy.ts) instead of loading its own: call it before creating
 * the target's indices or starting an indexer on its prefix.
 */
export function useSharedTaxonomy(target: IndexTarget): Promise<void> {
  const shared = inject('taxonomyPrefix');
  if (!shared) throw new Error('no shared taxonomy in this run: the global setup of the engine and browser projects loads it');
  return linkSharedTaxonomy(target, shared);
}

/**
 * `useSharedTaxonomy` for a bare prefix that a child process or runtime will
 * fill (the indexer's first run would otherwise load its own skills index).
 * Returns the clean-up that drops the links.
 */
export async function shareTaxonomyWith(prefix: string): Promise<() => Promise<void>> {
  const client = engineClient();
  try {
    await useSharedTaxonomy({ client, prefix, replicas: 0 });
  } finally {
    await client.close();
  }
  return async () => {
    const again = engineClient();
    await unlinkSharedTaxonomy({ client: again, prefix, replicas: 0 }).finally(() => again.close());
  };
}
