/**
 * Verification alone, no engine: the same input units read and verified in
 * this thread (1 worker, as `INDEXER_WORKERS=1` does) or in a pool of worker
 * threads, with the concurrency ingest uses. Worker start-up is inside the
 * timing, as it is in a real run. Returns milliseconds and how many verified.
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
): Promise<{ ms: number; verified: number }> {
  const inputs = units.flatMap((u) => (u.kind === 'credential' ? [{ source: u.source, bytes: u.bytes }] : []));
  const now = new Date();
  const started = performance.now();
  let results: NormalizedCredential[][];
  if (workers <= 1) {
    const options = { resolver: createResolver(resolver), now };
    results = await mapConcurrent(inputs, 8, (input) => readCredentials(input, options));
  } else {
    const pool = createVerifyPool(workers, { resolver });
    try {
      results = await mapConcurrent(inputs, Math.max(8, 4 * workers), (input) => pool.read(input, now));
    } finally {
      await pool.close();
    }
  }
  const ms = performance.now() - started;
  return { ms, verified: results.flat().filter((c) => c.verification.status === 'VERIFIED').length };
}
