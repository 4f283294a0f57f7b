/**
 * The employer search: runs the URL's query, appends pages with the API's
 * cursor, and remembers the labels of filter values for the chips.
 */
import { SvelteMap } from 'svelte/reactivity';
import { request } from './api';
import { messageOf } from './errors';
import { EXCLUSIONS, FACETS, PLACE_FILTER, PROGRESS_FILTER, type FacetDefinition } from './facets';
import { placeById } from './places';
import {
  BadgeClassLabelDocument,
  IssuerLabelDocument,
  SearchEarnersDocument,
  SkillRelationsDocument,
  type SearchEarnersQuery,
} from './graphql/generated';
import { badgeIssuers, LIST_FILTERS, parseProgress, queryToParams, toSearchInput, type ListFilter, type SearchQuery } from './search-query';

export type SearchResult = SearchEarnersQuery['searchEarners'];
export type SearchHit = SearchResult['nodes'][number];
export type Facets = SearchResult['facets'];

/** One removable active filter. */
export interface ActiveFilter {
  facet: FacetDefinition;
  value: string;
  label: string;
}

/** A way out of zero results: drop one filter group. */
export interface RelaxHint {
  facet: FacetDefinition;
  labels: string[];
  /** Earners found with the group's best value alone (a lower bound of what relaxing finds). */
  atLeast: number;
}

/** What the results list showed when the user left it (a profile opened), so Back restores it as it was. */
interface KeptResults {
  key: string;
  query: SearchQuery;
  result: SearchResult;
  hits: SearchHit[];
  changedNote: string | null;
}
let kept: KeptResults | null = null;

/**
 * Appends a page to the hits by earner id: an earner already shown (the
 * results moved between pages) is not shown twice. Returns the merged list
 * and how many of the page's earners were already shown.
 */
export function mergeHits(shown: readonly SearchHit[], page: readonly SearchHit[]): { hits: SearchHit[]; repeated: number } {
  const seen = new Set(shown.map((h) => h.earner.id));
  const fresh: SearchHit[] = [];
  for (const hit of page) {
    if (seen.has(hit.earner.id)) continue;
    seen.add(hit.earner.id);
    fresh.push(hit);
  }
  return { hits: [...shown, ...fresh], repeated: page.length - fresh.length };
}

export class SearchStore {
  query = $state<SearchQuery | null>(null);
  result = $state<SearchResult | null>(null);
  hits = $state<SearchHit[]>([]);
  loading = $state(false);
  loadingMore = $state(false);
  error = $state<string | null>(null);
  /** Said when the results changed while pages were being loaded (earners opted in or out). */
  changedNote = $state<string | null>(null);
  /** Filter value -> label, from facets and suggestions, for chips of values not in the facet list. */
  labels = new SvelteMap<string, string>();
  #controller: AbortController | null = null;
  #lastKey = '';

  /**
   * Runs `query` unless it is the search already shown. With `restore` (Back
   * to the results), shows the pages loaded when the user left, if it is the
   * same search; returns whether it did.
   */
  async run(query: SearchQuery, { restore = false }: { restore?: boolean } = {}): Promise<boolean> {
    const key = queryToParams(query).toString();
    if (key === this.#lastKey && (this.result || this.loading)) return false;
    this.#lastKey = key;
    this.query = query;
    this.changedNote = null;
    if (restore && kept?.key === key) {
      this.#controller?.abort();
      this.result = kept.result;
      this.hits = kept.hits;
      this.changedNote = kept.changedNote;
      this.loading = false;
      this.#rememberLabels(kept.result.facets);
      return true;
    }
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    this.loading = true;
    this.error = null;
    try {
      const { searchEarners } = await request(
        SearchEarnersDocument,
        { input: toSearchInput(query), badgeIssuers: badgeIssuers(query) },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return false;
      this.result = searchEarners;
      this.hits = searchEarners.nodes;
      this.#rememberLabels(searchEarners.facets);
      void this.#lookUpMissingLabels(query);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return false;
      this.error = messageOf(error);
      this.result = null;
      this.hits = [];
      this.#lastKey = '';
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
    return false;
  }

  /** The employer just put an earner on one of their lists: the card says so without searching again. */
  markShortlisted(earnerId: string, list: SearchHit['earner']['shortlistedIn'][number]): void {
    this.hits = this.hits.map((hit) =>
      hit.earner.id === earnerId && !hit.earner.shortlistedIn.some((l) => l.id === list.id)
        ? { ...hit, earner: { ...hit.earner, shortlistedIn: [...hit.earner.shortlistedIn, list] } }
        : hit,
    );
  }

  /** Keeps what is shown for Back (called when the page goes away). */
  keep(): void {
    if (this.query && this.result && !this.loading)
      kept = { key: this.#lastKey, query: this.query, result: this.result, hits: this.hits, changedNote: this.changedNote };
  }

  async loadMore(): Promise<void> {
    const cursor = this.result?.pageInfo.endCursor;
    if (!this.query || !cursor || this.loadingMore) return;
    const key = this.#lastKey;
    this.loadingMore = true;
    this.error = null;
    try {
      const { searchEarners } = await request(SearchEarnersDocument, {
        input: toSearchInput(this.query, cursor),
        badgeIssuers: badgeIssuers(this.query),
      });
      // Another search started meanwhile: this page belongs to the old one.
      if (key !== this.#lastKey) return;
      const { hits, repeated } = mergeHits(this.hits, searchEarners.nodes);
      this.hits = hits;
      if (this.result) {
        // Earners opted in or out since the first page: say so, keep going with the new total.
        if (repeated > 0 || searchEarners.total !== this.result.total)
          this.changedNote = `The results changed since the first page: ${searchEarners.total.toLocaleString('en-US')} ${
            searchEarners.total === 1 ? 'earner matches' : 'earners match'
          } now.`;
        this.result = {
          ...this.result,
          total: searchEarners.total,
          totalIsExact: searchEarners.totalIsExact,
          pageInfo: searchEarners.pageInfo,
        };
      }
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loadingMore = false;
    }
  }

  rememberLabel(value: string, label: string): void {
    this.labels.set(value, label);
  }

  labelOf(value: string): string {
    return this.labels.get(value) ?? value;
  }

  activeFilters(query: SearchQuery): ActiveFilter[] {
    const place = placeById(query.near);
    return [...FACETS, ...EXCLUSIONS, PROGRESS_FILTER, PLACE_FILTER].flatMap((facet) => {
      if (facet.filter === 'issuedWithinMonths')
        return query.issuedWithinMonths
          ? [{ facet, value: String(query.issuedWithinMonths), label: `Last ${query.issuedWithinMonths} months` }]
          : [];
      if (facet.filter === 'near')
        return place ? [{ facet, value: place.id, label: `${place.name} (within ${query.radiusMiles} mi)` }] : [];
      if (facet.filter === 'pathwayProgress')
        return query.pathwayProgress.map((value) => ({ facet, value, label: this.progressLabel(value) }));
      return query[facet.filter].map((value) => ({ facet, value, label: this.labelOf(value) }));
    });
  }

  /** "at least 2 of IT Support Specialist Pathway". */
  progressLabel(value: string): string {
    const progress = parseProgress(value);
    return progress ? `at least ${progress.minEarned} of ${this.labelOf(progress.pathway)}` : value;
  }

  /** For a search that found nothing: each filter group, with how many earners its best value alone finds. */
  relaxHints(query: SearchQuery): RelaxHint[] {
    const facets = this.result?.facets;
    if (!facets) return [];
    const byFacet = new Map<FacetDefinition, ActiveFilter[]>();
    for (const filter of this.activeFilters(query)) byFacet.set(filter.facet, [...(byFacet.get(filter.facet) ?? []), filter]);
    return [...byFacet.entries()]
      .map(([facet, filters]) => ({
        facet,
        labels: filters.map((f) => f.label),
        // A place or a progress condition has no facet of its own values to count from.
        atLeast: facet.filter === 'near' || facet.filter === 'pathwayProgress' ? 0 : Math.max(0, ...facets[facet.id].map((v) => v.count)),
      }))
      .sort((a, b) => b.atLeast - a.atLeast);
  }

  #rememberLabels(facets: Facets): void {
    for (const facet of FACETS) for (const value of facets[facet.id]) this.labels.set(value.value, value.label);
  }

  /** Chips of values the facet lists do not include (a shared link, say) get their labels from the API. */
  async #lookUpMissingLabels(query: SearchQuery): Promise<void> {
    const missing = (...keys: ListFilter[]) => keys.flatMap((key) => query[key]).filter((id) => !this.labels.has(id));
    const lookups: Promise<void>[] = [
      ...missing('skills', 'excludeSkills').map(async (id) => {
        const { skill } = await request(SkillRelationsDocument, { id });
        if (skill) this.labels.set(id, skill.label);
      }),
      ...missing('badges', 'excludeBadges').map(async (id) => {
        const { badgeClass } = await request(BadgeClassLabelDocument, { id });
        if (badgeClass) this.labels.set(id, badgeClass.name);
      }),
      ...missing('issuers', 'excludeIssuers').map(async (id) => {
        const { issuer } = await request(IssuerLabelDocument, { id });
        if (issuer) this.labels.set(id, issuer.name);
      }),
    ];
    await Promise.allSettled(lookups);
  }
}

export const LIST_FILTER_KEYS = Object.keys(LIST_FILTERS) as ListFilter[];
