/**
 * The search-log index: one document per employer search, kept as a demand
 * signal for the skill-gap reports. It holds nothing that identifies anyone:
 * no account, no text query, no earner ids, and a time rounded to the hour.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

/** How many earners a logged search found: none, fewer than the report threshold, or at least that many. */
export const RESULT_BUCKETS = ['none', 'few', 'some'] as const;
export type ResultBucket = (typeof RESULT_BUCKETS)[number];

export interface SearchLogDocument {
  /** When the search ran, rounded down to the hour. */
  at: string;
  /** Canonical skill ids the search filtered on. */
  skills: string[];
  /** Region codes the search filtered on. */
  regions: string[];
  resultBucket: ResultBucket;
}

export const searchLogMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    at: { type: 'date' },
    skills: { type: 'keyword' },
    regions: { type: 'keyword' },
    resultBucket: { type: 'keyword' },
  },
};
