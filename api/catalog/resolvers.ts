/** The public catalog's fields: facet labels, skills and pathways load in batches. */
import { US_REGIONS } from '../../mappings/regions.ts';
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import { loadSkills } from '../resolvers/earner-badge.ts';
import type { ResolverMap } from '../resolvers/types.ts';
import type { RequestContext } from '../context.ts';
import type { BadgeClassSearchArgs } from './catalog-input.ts';
import type { CatalogEntry, CatalogResult } from './catalog-service.ts';
import type { FacetBucket } from './catalog-request.ts';
import { safeImage } from '../badges/safe-links.ts';

async function labelled(buckets: FacetBucket[], label: (value: string) => Promise<string | null | undefined>) {
  return Promise.all(buckets.map(async (b) => ({ ...b, broader: b.broader ?? [], label: (await label(b.value)) ?? b.value })));
}

export const catalogResolvers: ResolverMap = {
  Query: {
    searchBadgeClasses: (_parent, args: { input: BadgeClassSearchArgs }, ctx) => ctx.services.catalog.searchBadgeClasses(args.input),
  },
  BadgeClassSearchResult: {
    facets: (result: CatalogResult) => result,
  },
  CatalogFacets: {
    issuers: (result: CatalogResult, args: PageArgs) =>
      labelled(pageOf(result.facets.issuers, args), async (id) => result.issuersById.get(id)?.name),
    credentialTypes: (result: CatalogResult, args: PageArgs) => labelled(pageOf(result.facets.credentialTypes, args), async (v) => v),
    skills: (result: CatalogResult, args: PageArgs, ctx: RequestContext) =>
      labelled(pageOf(result.facets.skills, args), async (id) => (await ctx.loaders.skill.load(id))?.label),
    pathways: (result: CatalogResult, args: PageArgs, ctx: RequestContext) =>
      labelled(pageOf(result.facets.pathways, args), async (id) => (await ctx.loaders.pathway.load(id))?.name),
    issuerRegions: (result: CatalogResult, args: PageArgs) =>
      labelled(pageOf(result.facets.issuerRegions, args), async (code) => US_REGIONS[code]),
  },
  CatalogBadgeClass: {
    // Issuer-provided: an image only from https or a safe data: URI (as on earners' badges).
    image: (entry: CatalogEntry) => safeImage(entry.image),
    skills: (entry: CatalogEntry, args: PageArgs, ctx) => loadSkills(pageOf(entry.skills ?? [], args), ctx),
    pathways: async (entry: CatalogEntry, args: PageArgs, ctx) => {
      const pathways = await ctx.loaders.pathway.loadMany(pageOf(entry.pathways ?? [], args));
      return pathways.flatMap((p) => (p && !(p instanceof Error) ? [{ id: p.id, name: p.name }] : []));
    },
  },
};
