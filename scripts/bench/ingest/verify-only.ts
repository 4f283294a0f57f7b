/**
 * Verification alone, no engine: the same input units read and verified in
 * this thread (1 worker, as `INDEXER_WORKERS=1` does) or in a pool of worker
 * threads, with the concurrency ingest uses. Two passes over the same units:
 * the first cold (worker start-up, module loading, empty caches: as a real
 * run starts), the second warm (same workers and resolver: documents cached,
 * so it is the verification CPU work alone). Returns milliseconds of each.
 */
import type { InputUnit } from '../../../indexer/ingest/inputs.ts';
import { mapConcurrent } from '../../../indexer/ingest/pool.ts';
import { createVerifyPool } from '../../../indexer/ingest/verify-pool.ts';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import { createResolver, type ResolverOptions } from '../../../indexer/verify/resolver.ts';
import type { NormalizedCredential } from '../../../indexer/verify/types.ts';

export async function verifyOnly(
  units: readonly InputUnit[],
  workers: number,
  resolver: ResolverOptions,
): Promise<{ coldMs: number; warmMs: number }> {
  const inputs = units.flatMap((u) => (u.kind === 'credential' ? [{ source: u.source, bytes: u.bytes }] : []));
  const now = new Date();
  const pool = workers > 1 ? createVerifyPool(workers, { resolver }) : undefined;
  const options = { resolver: createResolver(resolver), now };
  const pass = async (): Promise<number> => {
    const started = performance.now();
    const results: NormalizedCredential[][] = pool
      ? await mapConcurrent(inputs, Math.max(8, 4 * workers), (input) => pool.read(input, now))
      : await mapConcurrent(inputs, 8, (input) => readCredentials(input, options));
    if (results.length !== inputs.length) throw new Error('verification lost items');
    return performance.now() - started;
  };
  try {
    return { coldMs: await pass(), warmMs: await pass() };
  } finally {
    await pool?.close();
  }
}
