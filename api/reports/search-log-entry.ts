/**
 * What the search log keeps of an employer search: the skills and regions
 * it filtered on and a coarse result bucket. Nothing that identifies the
 * employer or an earner (no account, no text query, no earner ids), and the
 * time only to the hour. Pure.
 */
import { normalizeRegion } from '../../mappings/regions.ts';
import type { ResultBucket, SearchLogDocument } from '../../mappings/search-log.ts';
import { hourOf } from './window.ts';

/** What the search service hands over after a search. */
export interface LoggedSearch {
  skills: readonly string[];
  regions: readonly string[];
  /** How many earners the search found. */
  total: number;
}

/** none: 0; few: 1 to threshold - 1 (the same line the reports suppress below); some: the rest. */
export function resultBucket(total: number, threshold: number): ResultBucket {
  if (total <= 0) return 'none';
  return total < threshold ? 'few' : 'some';
}

export function searchLogEntry(search: LoggedSearch, threshold: number, at: Date): SearchLogDocument {
  return {
    at: hourOf(at),
    skills: [...new Set(search.skills)].sort(),
    regions: [...new Set(search.regions.map((r) => normalizeRegion(r)).filter((r): r is string => r !== null))].sort(),
    resultBucket: resultBucket(search.total, threshold),
  };
}
