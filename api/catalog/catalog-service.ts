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
  recognizedIssuersRequest,
  type CatalogDocument,
  type CatalogIssuer,
  type FacetBucket,
} from './catalog-request.ts';

export interface CatalogEntry extends CatalogDocument {
  issuer: CatalogIssuer | null;
  earnerCount: { value: number | null; suppressed: boolean };
}

export interface CatalogResult {
  total: number;
  nodes: CatalogEntry[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  facets: Record<'issuers' | 'credentialTypes' | 'skills' | 'pathways', FacetBucket[]>;
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
  return {
    async searchBadgeClasses(input: BadgeClassSearchArgs): Promise<CatalogResult> {
      const query = parseCatalogInput(input);
      const [registry, narrower] = await Promise.all([
        engine.searchPublic<CatalogIssuer>('issuers', recognizedIssuersRequest()),
        query.skills.length > 0 ? engine.searchPublic('skills', narrowerSkillsRequest(query.skills)) : undefined,
      ]);
      const issuers = registry.hits.hits.flatMap((h) => (h._source ? [h._source] : []));
      const scope = { issuers, expandedSkills: narrower?.hits.hits.map((h) => h._id!) ?? [] };
      const response = await engine.searchPublic<CatalogDocument>('badge-classes', catalogSearchRequest(query, scope));
      const documents = response.hits.hits.flatMap((h) => (h._source ? [h._source] : []));
      const counts =
        documents.length > 0
          ? readEarnerCounts(await engine.searchEarners(catalogEarnerCountsRequest(documents.map((d) => d.id))))
          : new Map();
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
        facets: readCatalogFacets(response, scope),
        earnerCountThreshold: threshold,
        issuersById: new Map(issuers.map((i) => [i.id, i])),
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
