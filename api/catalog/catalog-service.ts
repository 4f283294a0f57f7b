/**
 * The public micro-credential catalog: badge classes of recognized issuers,
 * open to every caller (anonymous included). Nothing here reads an earner:
 * earner counts are aggregates through the privacy layer, suppressed below
 * the report threshold.
 */
import type { SearchEngine } from '../engine.ts';
import { parseCatalogInput, encodeCatalogCursor, type BadgeClassSearchArgs } from './catalog-input.ts';
import {
  catalogEarnerCountsRequest,
  catalogSearchRequest,
  narrowerSkillsRequest,
  publishEarnerCount,
  readCatalogFacets,
  readEarnerCounts,
  readSkillTreeCounts,
  recognizedIssuersRequest,
  skillTreeCountsRequest,
  MAX_TREE_NODES,
  type CatalogDocument,
  type CatalogIssuer,
  type CatalogScope,
  type Facet,
  type FacetBucket,
} from './catalog-request.ts';
import type { CatalogQuery } from './catalog-input.ts';
import { regionOfLocation } from './issuer-region.ts';

export interface CatalogEntry extends CatalogDocument {
  issuer: CatalogIssuer | null;
  earnerCount: { value: number | null; suppressed: boolean };
}

export interface CatalogResult {
  total: number;
  nodes: CatalogEntry[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  facets: Record<Facet, FacetBucket[]>;
  /** Earner counts below it are suppressed. */
  earnerCountThreshold: number;
  /** Registry entries by id, for facet labels. */
  issuersById: Map<string, CatalogIssuer>;
}

export interface CatalogServiceDependencies {
  engine: SearchEngine;
  /** The report threshold (REPORT_MIN_CELL). */
  threshold: number;
}

export function createCatalogService({ engine, threshold }: CatalogServiceDependencies) {
  /**
   * The skills facet as a tree: the skills the catalog uses and their broader
   * ones, each counted as selecting it would count (with narrower skills),
   * each with its broader skills among the nodes. Most badge classes first.
   */
  async function skillTree(query: CatalogQuery, scope: CatalogScope, used: FacetBucket[]): Promise<FacetBucket[]> {
    if (used.length === 0) return [];
    type Links = { broader?: string[]; ancestors?: string[] };
    const links = async (ids: string[]) => {
      const found = await engine.searchPublic<Links>('skills', {
        query: { ids: { values: ids } },
        size: ids.length,
        _source: { includes: ['broader', 'ancestors'] },
      });
      return new Map(found.hits.hits.map((h) => [h._id!, h._source ?? {}]));
    };
    const usedIds = used.map((b) => b.value);
    const usedLinks = await links(usedIds);
    const under = new Map<string, string[]>(usedIds.map((id) => [id, [id]]));
    for (const id of usedIds)
      for (const ancestor of usedLinks.get(id)?.ancestors ?? []) {
        if (!under.has(ancestor) && under.size >= MAX_TREE_NODES) continue;
        under.set(ancestor, [...(under.get(ancestor) ?? [ancestor]), id]);
      }
    const ancestorIds = [...under.keys()].filter((id) => !usedLinks.has(id));
    const [ancestorLinks, counted] = await Promise.all([
      ancestorIds.length > 0 ? links(ancestorIds) : new Map<string, Links>(),
      engine.searchPublic('badge-classes', skillTreeCountsRequest(query, scope, under)),
    ]);
    const counts = readSkillTreeCounts(counted);
    const broaderOf = (id: string) => ((usedLinks.get(id) ?? ancestorLinks.get(id))?.broader ?? []).filter((b) => under.has(b)).slice(0, 3);
    return [...under.keys()]
      .map((value) => ({ value, count: counts.get(value) ?? 0, broader: broaderOf(value) }))
      .filter((b) => b.count > 0)
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }

  return {
    async searchBadgeClasses(input: BadgeClassSearchArgs): Promise<CatalogResult> {
      const query = parseCatalogInput(input);
      const [registry, narrower] = await Promise.all([
        engine.searchPublic<CatalogIssuer>('issuers', recognizedIssuersRequest()),
        query.skills.length > 0 ? engine.searchPublic('skills', narrowerSkillsRequest(query.skills)) : undefined,
      ]);
      const issuers = registry.hits.hits.flatMap((h) =>
        h._source ? [{ ...h._source, region: regionOfLocation(h._source.location) }] : [],
      );
      const scope = { issuers, expandedSkills: narrower?.hits.hits.map((h) => h._id!) ?? [] };
      const response = await engine.searchPublic<CatalogDocument>('badge-classes', catalogSearchRequest(query, scope));
      const documents = response.hits.hits.flatMap((h) => (h._source ? [h._source] : []));
      const counts =
        documents.length > 0
          ? readEarnerCounts(await engine.searchEarners(catalogEarnerCountsRequest(documents.map((d) => d.id))))
          : new Map();
      const facets = readCatalogFacets(response, scope);
      facets.skills = await skillTree(query, scope, facets.skills);
      const byIssuerId = new Map(issuers.flatMap((entry) => entry.ids.map((id) => [id, entry] as const)));
      const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
      const end = query.offset + documents.length;
      return {
        total,
        nodes: documents.map((d) => ({
          ...d,
          issuer: byIssuerId.get(d.issuerId) ?? null,
          earnerCount: publishEarnerCount(counts.get(d.id) ?? 0, threshold),
        })),
        pageInfo: { endCursor: documents.length > 0 ? encodeCatalogCursor(end) : null, hasNextPage: end < total },
        facets,
        earnerCountThreshold: threshold,
        issuersById: new Map(issuers.map((i) => [i.id, i])),
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
