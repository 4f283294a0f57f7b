/**
 * Shapes an earner search response (Searchkit's transformResponse): hits with
 * highlights and cursors, the total, page info and the first-pass facets.
 */
import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { encodeCursor } from './cursor.ts';
import { earnerView, type EarnerView } from './earner-view.ts';
import { readFacet, type FacetPlan, type FacetReading } from './facet-aggregations.ts';
import type { BuildContext } from './filters.ts';
import type { EarnerSearch } from './input.ts';

export interface Highlight {
  field: string;
  fragments: string[];
}

export interface EarnerHit {
  earner: EarnerView;
  /** Relevance score; null when the search has no text. */
  score: number | null;
  highlights: Highlight[];
  cursor: string;
}

export interface SearchPage {
  total: number;
  totalIsExact: boolean;
  nodes: EarnerHit[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  facets: FacetReading[];
}

const HIGHLIGHT_NAMES: Record<string, string> = { name: 'name', headline: 'headline', 'public.text': 'badgesAndSkills' };

export function shapeSearchResponse(
  search: EarnerSearch,
  plans: readonly FacetPlan[],
  response: SearchResponse<unknown>,
  ctx: BuildContext,
): SearchPage {
  const hits = response.hits.hits;
  const page = hits.slice(0, search.first);
  const nodes = page.map((hit) => ({
    earner: earnerView(hit),
    score: search.text && typeof hit._score === 'number' ? hit._score : null,
    highlights: Object.entries(hit.highlight ?? {}).map(([field, fragments]) => ({ field: HIGHLIGHT_NAMES[field] ?? field, fragments })),
    cursor: encodeCursor(search.sort, hit.sort ?? []),
  }));
  const total = response.hits.total;
  const aggregations = response.aggregations ?? {};
  return {
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    totalIsExact: typeof total === 'number' || total?.relation === 'eq',
    nodes,
    pageInfo: { endCursor: nodes.at(-1)?.cursor ?? null, hasNextPage: hits.length > search.first },
    facets: plans.map((plan) => readFacet(plan, aggregations, ctx)),
  };
}
