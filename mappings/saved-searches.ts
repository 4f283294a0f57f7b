/**
 * The saved-searches index: an employer's named searches with their alert
 * schedule. `criteria` is the search as the employer wrote it (checked with
 * the search's own input schema when saved, run through the same search
 * service by the alert job); `lastMatchIds` are the earner ids it matched at
 * the last run, so a digest lists only who matches newly. A system of record.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export const SAVED_SEARCH_ALERTS = ['none', 'daily', 'weekly'] as const;
export type SavedSearchAlert = (typeof SAVED_SEARCH_ALERTS)[number];

export interface SavedSearchDocument {
  id: string;
  employerAccountId: string;
  name: string;
  /** The EarnerSearchInput fields that describe a search (no page, cursor or facet size). */
  criteria: Record<string, unknown>;
  alert: SavedSearchAlert;
  createdAt: string;
  /** When the matches were last recorded (at save, then at each alert run). */
  lastRunAt: string;
  /** Earners matching at the last run (capped, see `MAX_TRACKED_MATCHES`). */
  lastMatchIds: string[];
  /** How many of them were new at the last run. */
  newMatchCount: number;
}

export const savedSearchesMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    employerAccountId: { type: 'keyword' },
    name: { type: 'keyword', index: false },
    // Read back whole, never searched: the search input may grow fields without a mapping change.
    criteria: { type: 'object', enabled: false },
    alert: { type: 'keyword' },
    createdAt: { type: 'date' },
    lastRunAt: { type: 'date' },
    lastMatchIds: { type: 'keyword', index: false },
    newMatchCount: { type: 'integer', index: false },
  },
};
