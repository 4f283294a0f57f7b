/**
 * What one operation may cost, computed before it runs: every field costs 1,
 * times the size of every list it sits in. A list's size is its `first`
 * argument (after defaults and variables), or a known bound for lists that
 * take none (search pages, facets, report rows, short fixed lists). A list
 * field with neither counts as `UNBOUNDED_LIST_SIZE`, so a new list field is
 * expensive until it is given `first` or a bound here.
 *
 * Pure: the schema and document in, a number out. Types are read by shape
 * (no `instanceof`), since Apollo and this module may load different copies
 * of graphql-js.
 */
import { INTAKE_LIMITS } from '../../mappings/credential-intake.ts';
import { MAX_DIDS_PER_EARNER } from '../../mappings/did-auth.ts';
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { FRAMEWORKS } from '../../mappings/skills.ts';
import { CONTACT_LIMITS } from '../contacts/contact-input.ts';
import { REPORT_LIMITS } from '../reports/input.ts';
import { BREAKDOWN_LIMITS } from '../reports/region-input.ts';
import { US_REGIONS } from '../../mappings/regions.ts';
import { SHORTLIST_LIMITS } from '../shortlists/limits.ts';
import { TEMPLATE_LIMITS } from '../message-templates/input.ts';
import { LIMITS } from '../search/limits.ts';
import { MAX_MATCH_SKILLS, MAX_MATCH_WORDS } from '../search/matches.ts';
import { LIST_PAGE } from './list-page.ts';
import { SAVED_SEARCH_LIMITS } from '../saved-searches/criteria.ts';

type Args = Record<string, unknown>;

/** The field's own arguments and the `input` argument of the nearest field above (or itself) that has one. */
type ListBound = (args: Args, input: Args) => number;

const int = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const fixed =
  (n: number): ListBound =>
  () =>
    n;

/** Bounds of list fields that take no `first`, or whose `first` means something else. */
export const LIST_BOUNDS: Record<string, ListBound> = {
  'Query.suggest': (args) => 3 * Math.min(int(args.first, LIMITS.defaultSuggestions), LIMITS.maxSuggestions),
  'EarnerSearchResult.nodes': (_args, input) => Math.min(int(input.first, LIMITS.defaultPageSize), LIMITS.maxPageSize),
  'EarnerHit.highlights': fixed(3),
  // `EarnerHit.matches` takes `first`; each match names at most the searched skills and the searched words.
  'BadgeMatch.skills': (_args, input) => Math.min(Array.isArray(input.skills) ? input.skills.length : 0, MAX_MATCH_SKILLS),
  'BadgeMatch.words': (_args, input) => Math.min(typeof input.text === 'string' ? input.text.split(/\s+/).length : 0, MAX_MATCH_WORDS),
  'Highlight.fragments': fixed(5),
  ...Object.fromEntries(
    ['badges', 'skills', 'issuers', 'frameworks', 'regions', 'credentialTypes', 'issued', 'pathways'].map((facet) => [
      `EarnerFacets.${facet}`,
      (_args: Args, input: Args) => Math.min(int(input.facetSize, LIMITS.defaultFacetSize), LIMITS.maxFacetSize),
    ]),
  ),
  'Query.frameworks': fixed(FRAMEWORKS.length),
  'BadgeClassSearchResult.nodes': (_args, input) => Math.min(int(input.first, 20), 50),
  // A skill's broader skills in the catalog's tree: a taxonomy entry has one or two parents.
  'CatalogFacetValue.broader': fixed(3),
  'Earner.openTo': fixed(10),
  'EarnerBadge.frameworks': fixed(10),
  'Verification.reasons': fixed(10),
  'DirectorySettings.openTo': fixed(10),
  'DirectorySettings.hiddenBadges': fixed(500),
  'SkillGapReport.rows': (_args, input) => Math.min(int(input.first, REPORT_LIMITS.defaultRows), REPORT_LIMITS.maxRows),
  'Query.skillGapTrend': (args) => {
    const skills = (args.input as Args | undefined)?.skills;
    return Math.min(Array.isArray(skills) ? skills.length : REPORT_LIMITS.maxTrendSkills, REPORT_LIMITS.maxTrendSkills);
  },
  'SkillGapTrend.points': fixed(REPORT_LIMITS.maxTrendPoints),
  // One row per region code there is; a skill's employers and titles, at most BREAKDOWN_LIMITS.maxTop each.
  'RegionComparison.rows': fixed(Object.keys(US_REGIONS).length),
  'DemandBreakdown.employers': fixed(BREAKDOWN_LIMITS.maxTop),
  'DemandBreakdown.titles': fixed(BREAKDOWN_LIMITS.maxTop),
  // The issuer registry (admins): a page of entries (`registryIssuers(first)`, at most 100), each with a few ids.
  'RegistryIssuerList.nodes': fixed(100),
  // Admins' page of employer account requests (`employerSignupRequests(first)`, at most 100).
  'EmployerSignupPage.nodes': fixed(100),
  // The viewer's lists holding an earner, on each card (`api/shortlists/limits.ts`).
  'Earner.shortlistedIn': fixed(SHORTLIST_LIMITS.maxListsPerEmployer),
  // The badges a contact request names (`contactEarner(badges)`, at most 10).
  'ContactRequest.badges': fixed(CONTACT_LIMITS.badges),
  'Query.messageTemplates': fixed(TEMPLATE_LIMITS.maxPerEmployer),
  ...Object.fromEntries(['ids', 'origins', 'dids', 'keys'].map((field) => [`RegistryIssuer.${field}`, fixed(20)])),
  // One addMyCredentials answer: a result per credential read, capped by the intake (`INTAKE_LIMITS.maxEarnerCredentials`).
  'AddMyCredentialsPayload.results': fixed(INTAKE_LIMITS.maxEarnerCredentials + 1),
  'CredentialIntakeResult.reasons': fixed(20),
  // The DIDs an earner linked (`MAX_DIDS_PER_EARNER`).
  'MyIdentities.dids': fixed(MAX_DIDS_PER_EARNER),
  // Admins list issuers' push keys, at most 200 (`issuer-push/service.ts`).
  'Query.issuerApiKeys': fixed(200),
  // An employer keeps at most 50 saved searches; each list of one is a checked search's filter list.
  'Query.savedSearches': fixed(SAVED_SEARCH_LIMITS.maxPerEmployer),
  ...Object.fromEntries(
    [
      'badges',
      'skills',
      'issuers',
      'frameworks',
      'regions',
      'credentialTypes',
      'verification',
      'issuerRecognition',
      'excludeBadges',
      'excludeSkills',
      'excludeIssuers',
      'pathways',
      'pathwayProgress',
    ].map((field) => [`SavedSearchCriteria.${field}`, fixed(LIMITS.maxFilterValues)]),
  ),
};

/** What an unlisted list field without `first` counts as: the largest page. */
export const UNBOUNDED_LIST_SIZE = LIST_PAGE.maxFirst;

/** Coordinates (`Type.field`) of list fields with neither `first` nor a bound: the audit test keeps this empty. */
export function unboundedListFields(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || !('getInterfaces' in type)) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (!String(field.type).includes('[')) continue;
      const hasFirst = 'args' in field && field.args.some((arg) => arg.name === 'first');
      if (!hasFirst && !LIST_BOUNDS[coordinate]) found.push(coordinate);
    }
  }
  return found;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Args;
  /** Fragments being expanded (a cycle is invalid GraphQL; validation refuses it, this only stops the walk). */
  expanding: Set<string>;
}

function valueOf(node: ValueNode, variables: Args): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number.parseInt(node.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
  }
}

interface FieldShape {
  name: string;
  type: unknown;
  args: readonly { name: string; defaultValue?: unknown }[];
}

/** Argument values as the resolver will see them: literals, variables, then schema defaults. */
function argumentsOf(field: FieldShape, node: FieldNode, variables: Args): Args {
  const args: Args = {};
  for (const definition of field.args) {
    const given = node.arguments?.find((a) => a.name.value === definition.name);
    const value = given ? valueOf(given.value, variables) : undefined;
    args[definition.name] = value ?? definition.defaultValue;
  }
  return args;
}

function namedType(type: unknown): { name: string } {
  let current = type as { ofType?: unknown; name?: string };
  while (current.ofType) current = current.ofType as { ofType?: unknown; name?: string };
  return current as { name: string };
}

function listSize(coordinate: string, field: FieldShape, args: Args, input: Args): number {
  if (!String(field.type).includes('[')) return 1;
  const bound = LIST_BOUNDS[coordinate];
  if (bound) return Math.max(0, bound(args, input));
  if (field.args.some((a) => a.name === 'first')) return Math.min(Math.max(0, int(args.first, LIST_PAGE.defaultFirst)), LIST_PAGE.maxFirst);
  return UNBOUNDED_LIST_SIZE;
}

function selectionCost(walk: Walk, typeName: string, selectionSet: SelectionSetNode, multiplier: number, input: Args): number {
  const type = walk.schema.getType(typeName) as unknown as { getFields?: () => Record<string, FieldShape> } | undefined;
  const fields = type?.getFields?.() ?? {};
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = fields[selection.name.value];
      // __typename and introspection fields: one each (introspection is off in production).
      if (!field) {
        cost += multiplier;
        continue;
      }
      const args = argumentsOf(field, selection, walk.variables);
      const own = args.input && typeof args.input === 'object' ? (args.input as Args) : input;
      const size = listSize(`${typeName}.${field.name}`, field, args, own);
      cost += multiplier;
      if (selection.selectionSet) cost += selectionCost(walk, namedType(field.type).name, selection.selectionSet, multiplier * size, own);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += selectionCost(walk, selection.typeCondition?.name.value ?? typeName, selection.selectionSet, multiplier, input);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || walk.expanding.has(name)) continue;
      walk.expanding.add(name);
      cost += selectionCost(walk, fragment.typeCondition.name.value, fragment.selectionSet, multiplier, input);
      walk.expanding.delete(name);
    }
  }
  return cost;
}

/** The cost of one operation of `document` with these variables. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Args = {},
): number {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  // Variables left out take their declared defaults.
  const withDefaults: Args = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (withDefaults[name] === undefined && definition.defaultValue) withDefaults[name] = valueOf(definition.defaultValue, {});
  }
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;
  return selectionCost({ schema, fragments, variables: withDefaults, expanding: new Set() }, root.name, operation.selectionSet, 1, {});
}
