/** Facet exactness on an earners index of several shards (`INDEX_SHARDS`). */
import type { BuildContext } from './filters.ts';

/**
 * Values each shard reports per facet when the earners index has several
 * shards. A shard's top values alone could miss a value that ranks low on it
 * but high overall; each earner lives on one shard (routed by id), so when
 * every shard reports ALL its values the summed counts are exact. Exact while
 * a facet has at most this many distinct values on one shard.
 */
export const EXACT_SHARD_SIZE = 10_000;

/** `shard_size` for a terms aggregation: all of each shard's values when there are several shards. */
export function facetShardSize(ctx: BuildContext): { shard_size?: number } {
  return (ctx.shards ?? 1) > 1 ? { shard_size: EXACT_SHARD_SIZE } : {};
}
