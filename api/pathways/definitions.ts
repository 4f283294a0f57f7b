/**
 * The pathway definitions a search counts (its pathway filters and the
 * pathways facet): public data, few and seldom changed (the indexer loads
 * them from pathway files), so read once for all requests and kept briefly.
 */
import type { PathwayDefinition } from '../../mappings/pathways.ts';
import type { SearchEngine } from '../engine.ts';
import { LIMITS } from '../search/limits.ts';

/** How long a read of the definitions serves searches. */
const FRESH_MS = 10_000;

const cache = new WeakMap<SearchEngine, { at: number; pathways: Promise<ReadonlyMap<string, PathwayDefinition>> }>();

async function read(engine: SearchEngine): Promise<ReadonlyMap<string, PathwayDefinition>> {
  const response = await engine.searchPublic('pathways', {
    size: LIMITS.maxPathways,
    query: { match_all: {} },
    sort: [{ id: 'asc' }],
    _source: ['id', 'name', 'badgeClasses', 'required'],
  });
  const pathways = response.hits.hits.map((hit) => hit._source as PathwayDefinition);
  return new Map(pathways.map((p) => [p.id, p]));
}

/** Every pathway definition by id (the first `LIMITS.maxPathways` by id). */
export function pathwayDefinitions(engine: SearchEngine, now = Date.now()): Promise<ReadonlyMap<string, PathwayDefinition>> {
  const kept = cache.get(engine);
  if (kept && now - kept.at < FRESH_MS) return kept.pathways;
  const pathways = read(engine);
  cache.set(engine, { at: now, pathways });
  // A failed read is not kept: the next search asks again.
  pathways.catch(() => cache.delete(engine));
  return pathways;
}
