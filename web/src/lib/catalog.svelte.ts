/** The public catalog's search: text and facet selections, a page of badge classes, and "show more". */
import { request } from './api';
import { messageOf } from './errors';
import { CatalogSkillTreeDocument, SearchBadgeClassesDocument, type SearchBadgeClassesQuery } from './graphql/generated';
import type { FacetValueView } from './skill-tree.svelte';

export type CatalogResult = SearchBadgeClassesQuery['searchBadgeClasses'];
export type CatalogEntry = CatalogResult['nodes'][number];
export type CatalogFacetName = 'issuers' | 'credentialTypes' | 'skills' | 'pathways' | 'issuerRegions';

/** Badge classes per page: what fits the anonymous caller's budget. */
export const CATALOG_PAGE = 10;

export class CatalogStore {
  text = $state('');
  selected = $state<Record<CatalogFacetName, string[]>>({ issuers: [], credentialTypes: [], skills: [], pathways: [], issuerRegions: [] });
  /** The skills facet (with broader skills) and each value's broader skills: the tree. */
  skillValues = $state<FacetValueView[]>([]);
  broader = $state<Map<string, string[]>>(new Map());
  result = $state<CatalogResult | null>(null);
  entries = $state<CatalogEntry[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  #run = 0;

  #input(after?: string | null) {
    return { text: this.text.trim() || null, ...this.selected, first: CATALOG_PAGE, ...(after ? { after } : {}) };
  }

  async search(): Promise<void> {
    const run = ++this.#run;
    this.loading = true;
    this.error = null;
    try {
      const input = this.#input();
      const [{ searchBadgeClasses }, tree] = await Promise.all([
        request(SearchBadgeClassesDocument, { input }),
        request(CatalogSkillTreeDocument, { input: { ...input, first: 1 } }),
      ]);
      if (run !== this.#run) return;
      this.result = searchBadgeClasses;
      this.entries = searchBadgeClasses.nodes;
      const skills = tree.searchBadgeClasses.facets.skills;
      this.skillValues = skills.map(({ value, label, count }) => ({ value, label, count }));
      this.broader = new Map(skills.map((s) => [s.value, s.broader]));
    } catch (error) {
      if (run === this.#run) this.error = messageOf(error);
    } finally {
      if (run === this.#run) this.loading = false;
    }
  }

  async more(): Promise<void> {
    if (!this.result?.pageInfo.hasNextPage || this.loading) return;
    const run = ++this.#run;
    this.loading = true;
    try {
      const { searchBadgeClasses } = await request(SearchBadgeClassesDocument, { input: this.#input(this.result.pageInfo.endCursor) });
      if (run !== this.#run) return;
      this.result = searchBadgeClasses;
      this.entries = [...this.entries, ...searchBadgeClasses.nodes];
    } catch (error) {
      if (run === this.#run) this.error = messageOf(error);
    } finally {
      if (run === this.#run) this.loading = false;
    }
  }

  toggle(facet: CatalogFacetName, value: string, on: boolean): void {
    const current = this.selected[facet];
    this.selected = { ...this.selected, [facet]: on ? [...new Set([...current, value])] : current.filter((v) => v !== value) };
    void this.search();
  }
}

/** "12 earners", "fewer than 5 earners" (suppressed), "no listed earners yet". */
export function earnerCountText(count: { value: number | null; suppressed: boolean }, threshold: number): string {
  if (count.suppressed || count.value === null) return `Held by fewer than ${threshold} listed earners`;
  if (count.value === 0) return 'No listed earners hold it yet';
  return `Held by ${count.value.toLocaleString('en-US')}+ listed earners`;
}
