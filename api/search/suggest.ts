/**
 * Typeahead. Skills come from the public taxonomy (completion over labels and
 * alternative labels). Badges and issuers come from the earners index, so
 * only what some listed earner shows can be suggested, ranked by how many
 * earners show it.
 */
import type { SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { frameworkShortName } from '../../mappings/frameworks.ts';
import type { SkillDocument } from '../../mappings/skills.ts';
import { directoryRequest, RECOGNIZED_ISSUER, visibleBadgeAggregation, visibleBadgeBuckets, type DirectoryRequest } from './privacy.ts';

export type SuggestionType = 'SKILL' | 'BADGE' | 'ISSUER';

export interface Suggestion {
  type: SuggestionType;
  id: string;
  label: string;
  /** Framework of a skill, issuer of a badge. */
  detail?: string;
  /** Listed earners who show it (badges and issuers). */
  earnerCount?: number;
}

export function skillSuggestRequest(prefix: string, size: number): Omit<SearchRequest, 'index'> {
  return {
    size: 0,
    _source: { includes: ['id', 'label', 'framework'] },
    suggest: { skills: { prefix, completion: { field: 'suggest', size, skip_duplicates: true } } },
  };
}

export function readSkillSuggestions(response: SearchResponse<unknown>): Suggestion[] {
  const entries = response.suggest?.skills ?? [];
  const options = entries.flatMap((entry) => (Array.isArray(entry.options) ? entry.options : [entry.options]));
  const seen = new Set<string>();
  const suggestions: Suggestion[] = [];
  for (const option of options) {
    const skill = (option as { _source?: Partial<SkillDocument> })._source;
    if (!skill?.id || seen.has(skill.id)) continue;
    seen.add(skill.id);
    suggestions.push({
      type: 'SKILL',
      id: skill.id,
      label: skill.label ?? skill.id,
      ...(skill.framework ? { detail: frameworkShortName(skill.framework) } : {}),
    });
  }
  return suggestions;
}

const namedValues = (idField: string, nameField: string, size: number, detailField?: string) => ({
  values: {
    terms: { field: idField, size, order: [{ earners: 'desc' as const }, { _key: 'asc' as const }] },
    aggs: {
      earners: { reverse_nested: {} },
      names: { terms: { field: nameField, size: 1 } },
      ...(detailField ? { details: { terms: { field: detailField, size: 1 } } } : {}),
    },
  },
});

const startsWith = (field: string, prefix: string) => ({ match_phrase_prefix: { [field]: { query: prefix, max_expansions: 200 } } });

export function directorySuggestRequest(prefix: string, types: readonly SuggestionType[], size: number): DirectoryRequest {
  const aggs: Record<string, ReturnType<typeof visibleBadgeAggregation>> = {};
  if (types.includes('BADGE')) {
    aggs.BADGE = visibleBadgeAggregation(
      [startsWith('badges.name', prefix), RECOGNIZED_ISSUER],
      namedValues('badges.badgeClassId', 'badges.name.keyword', size, 'badges.issuerName.keyword'),
    );
  }
  if (types.includes('ISSUER')) {
    aggs.ISSUER = visibleBadgeAggregation(
      [startsWith('badges.issuerName', prefix), RECOGNIZED_ISSUER],
      namedValues('badges.issuerId', 'badges.issuerName.keyword', size),
    );
  }
  return directoryRequest({ size: 0, track_total_hits: false, aggs }, { withEarners: false });
}

interface NamedBucket {
  key: string;
  earners: { doc_count: number };
  names: { buckets: { key: string }[] };
  details?: { buckets: { key: string }[] };
}

export function readDirectorySuggestions(response: SearchResponse<unknown>, type: 'BADGE' | 'ISSUER'): Suggestion[] {
  const aggregation = response.aggregations?.[type];
  if (!aggregation) return [];
  return visibleBadgeBuckets<{ values: { buckets: NamedBucket[] } }>(aggregation).values.buckets.map((bucket) => {
    const detail = bucket.details?.buckets[0]?.key;
    return {
      type,
      id: bucket.key,
      label: bucket.names.buckets[0]?.key ?? bucket.key,
      earnerCount: bucket.earners.doc_count,
      ...(detail ? { detail } : {}),
    };
  });
}
