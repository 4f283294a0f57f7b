/**
 * Per-file access to the real engine: a client and an index prefix of the
 * file's own, so test files run in parallel and never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { createEngineClient } from '../../mappings/connection.ts';
import { deleteAllIndices, type IndexTarget } from '../../mappings/indices.ts';

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
      await client.close();
    },
  };
}
