/**
 * Earner counts of typeahead suggestions under the employer's current search:
 * for each suggestion, how many earners the search finds once that skill,
 * badge or issuer is added as a filter (exactly what picking it shows). One
 * counts-only request with a `filters` aggregation; privacy comes from the
 * same builders the search uses.
 */
import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { facetFilters, type BuildContext } from './filters.ts';
import type { EarnerSearch } from './input.ts';
import { directoryRequest, type DirectoryRequest } from './privacy.ts';
import { baseQuery } from './request.ts';
import type { Suggestion } from './suggest.ts';

/** The search with the suggestion added to its filter, as picking it in the web app does. */
export function withSuggestion(search: EarnerSearch, suggestion: Pick<Suggestion, 'type' | 'id'>): EarnerSearch {
  const add = (values: readonly string[]) => (values.includes(suggestion.id) ? [...values] : [...values, suggestion.id]);
  if (suggestion.type === 'SKILL') return { ...search, skills: { ...search.skills, values: add(search.skills.values) } };
  if (suggestion.type === 'BADGE') return { ...search, badges: { ...search.badges, values: add(search.badges.values) } };
  return { ...search, issuers: add(search.issuers) };
}

export function suggestionCountRequest(search: EarnerSearch, suggestions: readonly Suggestion[], ctx: BuildContext): DirectoryRequest {
  const filters = Object.fromEntries(
    suggestions.map((s, i) => [String(i), { bool: { filter: facetFilters(withSuggestion(search, s), ctx) } }]),
  );
  return directoryRequest(
    { query: baseQuery(search, ctx), size: 0, track_total_hits: false, aggs: { suggestions: { filters: { filters } } } },
    { withEarners: false },
  );
}

/**
 * Each suggestion with its count; the ones that find somebody first (most
 * earners first, the type order kept between equals), the ones that lead
 * nowhere last.
 */
export function readSuggestionCounts(response: SearchResponse<unknown>, suggestions: readonly Suggestion[]): Suggestion[] {
  const buckets = (response.aggregations?.suggestions as { buckets?: Record<string, { doc_count: number }> } | undefined)?.buckets ?? {};
  return suggestions
    .map((s, i) => ({ s: { ...s, earnerCount: buckets[String(i)]?.doc_count ?? 0 }, i }))
    .sort((a, b) => b.s.earnerCount - a.s.earnerCount || a.i - b.i)
    .map(({ s }) => s);
}
