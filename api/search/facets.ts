/**
 * The facet configuration: one entry per facet drives the filters the query
 * builder writes, the aggregations it asks for, how the response is read and
 * the GraphQL `EarnerFacets` fields (one per id).
 */
import { FRAMEWORK_ENTRIES } from '../../mappings/frameworks.ts';
import type { EarnerSearch, ValueSelection } from './input.ts';

export const FACET_IDS = ['badges', 'skills', 'issuers', 'frameworks', 'regions', 'credentialTypes', 'issued', 'pathways'] as const;
export type FacetId = (typeof FACET_IDS)[number];

/** Where a facet value's display label comes from. */
export type LabelSource =
  /**
   * The most common value of this badge field in the bucket (e.g. the badge
   * name). `catalog`: where the public badge-classes index holds the same
   * label by value (its value field and label field), for counts made
   * without the nested badges (see `facet-labels.ts`).
   */
  | { from: 'badge-field'; field: string; catalog: { valueField: string; labelField: string } }
  /** The skills taxonomy, looked up by the resolver through its loader. */
  | { from: 'skill' }
  | { from: 'static'; labels: Readonly<Record<string, string>> }
  | { from: 'value' };

interface FacetBase {
  id: FacetId;
  label: LabelSource;
  /** The facet's own selection in a search. */
  select(search: EarnerSearch): ValueSelection;
}

/** Held by a single badge: filtered and counted through the nested `badges`. */
export interface BadgeTermsFacet extends FacetBase {
  level: 'badge';
  kind: 'terms';
  field: string;
}

/** Badge issue date buckets; a value is a number of months. */
export interface BadgeIssuedFacet extends FacetBase {
  level: 'badge';
  kind: 'issued';
  field: string;
  months: readonly number[];
}

/** A flat earner field. */
export interface EarnerTermsFacet extends FacetBase {
  level: 'earner';
  kind: 'terms';
  field: string;
}

/**
 * Pathways the earner completed: counted per pathway definition (a filter per
 * pathway, see `pathways.ts`), labelled with the pathway's name.
 */
export interface EarnerPathwayFacet extends FacetBase {
  level: 'earner';
  kind: 'pathway';
}

export type FacetDefinition = BadgeTermsFacet | BadgeIssuedFacet | EarnerTermsFacet | EarnerPathwayFacet;
export type EarnerFacet = EarnerTermsFacet | EarnerPathwayFacet;
export type BadgeFacet = BadgeTermsFacet | BadgeIssuedFacet;

const any = (values: string[]): ValueSelection => ({ values, mode: 'ANY' });

const FRAMEWORK_LABELS = Object.fromEntries(FRAMEWORK_ENTRIES.map((f) => [f.id, f.name]));
const CREDENTIAL_TYPE_LABELS = { badge: 'Badge', 'micro-credential': 'Micro-credential', certificate: 'Certificate' };
const ISSUED_MONTHS = [6, 12, 24] as const;

export const FACETS: readonly FacetDefinition[] = [
  {
    id: 'badges',
    level: 'badge',
    kind: 'terms',
    field: 'badges.badgeClassId',
    label: { from: 'badge-field', field: 'badges.name.keyword', catalog: { valueField: 'id', labelField: 'name.keyword' } },
    select: (s) => s.badges,
  },
  // skillsExpanded carries ancestors: a broad skill matches and counts earners of its narrower skills.
  { id: 'skills', level: 'badge', kind: 'terms', field: 'badges.skillsExpanded', label: { from: 'skill' }, select: (s) => s.skills },
  {
    id: 'issuers',
    level: 'badge',
    kind: 'terms',
    field: 'badges.issuerId',
    label: {
      from: 'badge-field',
      field: 'badges.issuerName.keyword',
      catalog: { valueField: 'issuerId', labelField: 'issuerName.keyword' },
    },
    select: (s) => any(s.issuers),
  },
  {
    id: 'frameworks',
    level: 'badge',
    kind: 'terms',
    field: 'badges.frameworks',
    label: { from: 'static', labels: FRAMEWORK_LABELS },
    select: (s) => any(s.frameworks),
  },
  { id: 'regions', level: 'earner', kind: 'terms', field: 'location.region', label: { from: 'value' }, select: (s) => any(s.regions) },
  {
    id: 'credentialTypes',
    level: 'badge',
    kind: 'terms',
    field: 'badges.credentialType',
    label: { from: 'static', labels: CREDENTIAL_TYPE_LABELS },
    select: (s) => any(s.credentialTypes),
  },
  {
    id: 'issued',
    level: 'badge',
    kind: 'issued',
    field: 'badges.issuedOn',
    months: ISSUED_MONTHS,
    label: { from: 'static', labels: Object.fromEntries(ISSUED_MONTHS.map((m) => [String(m), `Last ${m} months`])) },
    select: (s) => any(s.issuedWithinMonths === undefined ? [] : [String(s.issuedWithinMonths)]),
  },
  { id: 'pathways', level: 'earner', kind: 'pathway', label: { from: 'value' }, select: (s) => any(s.pathways) },
];

export const BADGE_FACETS = FACETS.filter((f): f is BadgeFacet => f.level === 'badge');
export const EARNER_FACETS = FACETS.filter((f): f is EarnerFacet => f.level === 'earner');

/** One facet value as the API returns it; `label` is absent when the resolver looks it up. */
export interface FacetValue {
  value: string;
  label?: string;
  count: number;
}

export type FacetResults = Record<FacetId, FacetValue[]>;

/** Display label from the configuration, when it has one without a lookup. */
export function staticLabel(facet: FacetDefinition, value: string): string | undefined {
  if (facet.label.from === 'static') return facet.label.labels[value] ?? value;
  if (facet.label.from === 'value') return value;
  return undefined;
}
