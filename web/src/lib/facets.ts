/**
 * One declarative list of the facets the panel shows: which result facet,
 * which filter it sets, how it is titled, and whether it has a mode toggle or
 * a tree. The panel, the chips and the zero-result hints all read it.
 */
import type { SearchEarnersQuery } from './graphql/generated';
import type { ListFilter } from './search-query';

export type FacetId = keyof SearchEarnersQuery['searchEarners']['facets'];

export interface FacetDefinition {
  id: FacetId;
  title: string;
  /** Singular, for chips and hints ("skill: Welding"). */
  noun: string;
  /** The list filter it sets; the `issued` facet sets a single value instead, and `near` (a chip, no facet) the place. */
  filter: ListFilter | 'issuedWithinMonths' | 'near';
  /** ANY/ALL toggle for this filter. */
  mode?: 'skillsMode' | 'badgesMode';
  /** Shown as a tree following the taxonomy's broader/narrower links. */
  tree?: boolean;
  /** The NOT filter of this facet's values, where it has one. */
  exclude?: 'excludeSkills' | 'excludeBadges' | 'excludeIssuers';
}

export const FACETS: readonly FacetDefinition[] = [
  { id: 'skills', title: 'Skills', noun: 'skill', filter: 'skills', mode: 'skillsMode', tree: true, exclude: 'excludeSkills' },
  { id: 'badges', title: 'Badges', noun: 'badge', filter: 'badges', mode: 'badgesMode', exclude: 'excludeBadges' },
  { id: 'issuers', title: 'Issuers', noun: 'issuer', filter: 'issuers', exclude: 'excludeIssuers' },
  { id: 'credentialTypes', title: 'Credential type', noun: 'credential type', filter: 'credentialTypes' },
  { id: 'issued', title: 'Issued', noun: 'issued', filter: 'issuedWithinMonths' },
  { id: 'frameworks', title: 'Skill framework', noun: 'framework', filter: 'frameworks' },
  { id: 'regions', title: 'Region', noun: 'region', filter: 'regions' },
  { id: 'pathways', title: 'Pathways completed', noun: 'pathway', filter: 'pathways' },
];

/** Filters set by their own controls, not a facet list: shown as chips and relaxed like facets. */
export const PLACE_FILTER: FacetDefinition = { id: 'regions', title: 'Near', noun: 'near', filter: 'near' };
export const PROGRESS_FILTER: FacetDefinition = {
  id: 'pathways',
  title: 'Pathway progress',
  noun: 'pathway progress',
  filter: 'pathwayProgress',
};

/** Values listed before "show more". */
export const FACET_VISIBLE = 6;
/** Facets with more values than this get a search field. */
export const FACET_SEARCH_FROM = 8;

/** The NOT filters as chips see them: "not skill: Welding". */
export const EXCLUSIONS: readonly FacetDefinition[] = FACETS.flatMap((facet) =>
  facet.exclude ? [{ id: facet.id, title: `Not ${facet.title.toLowerCase()}`, noun: `not ${facet.noun}`, filter: facet.exclude }] : [],
);
