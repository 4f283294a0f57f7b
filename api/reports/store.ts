/**
 * Engine access of the skill-gap reports: counts per scope (postings, the
 * search log and consenting earners, in one round trip), occupation
 * profiles, skill labels, the search log and the stored snapshots. The
 * requests themselves are built in `reports/requests.ts`.
 */
import type { Client } from '@elastic/elasticsearch';
import type { MsearchResponseItem, QueryDslQueryContainer, SearchResponse, SortResults } from '@elastic/elasticsearch/lib/api/types';
import { aliasName, type IndexKind } from '../../mappings/indices.ts';
import type { OccupationDocument } from '../../mappings/occupations.ts';
import type { ReportSnapshotDocument } from '../../mappings/report-snapshots.ts';
import type { SearchLogDocument } from '../../mappings/search-log.ts';
import type { SkillDocument } from '../../mappings/skills.ts';
import { SearchUnavailableError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { SnapshotMarker, SnapshotValues } from './report.ts';
import {
  demandRequest,
  readDemand,
  readRegions,
  readSearches,
  readSupply,
  regionsRequests,
  searchesRequest,
  supplyRequest,
  type Body,
  type CountScope,
} from './requests.ts';
import type { ScopeCounts } from './rows.ts';
import {
  demandBreakdownRequest,
  earnersByRegionRequest,
  postingsByRegionRequest,
  readTerms,
  type PostingScope,
} from './region-requests.ts';
import { engineGuard } from '../stores/guard.ts';

const PAGE = 5000;
const BULK_DOCUMENTS = 2000;

export interface ReportStore {
  /** Demand, searches and supply per skill of one scope. */
  counts(scope: CountScope): Promise<ScopeCounts>;
  occupation(soc: string): Promise<OccupationDocument | undefined>;
  /** Taxonomy labels of these skills; unknown ids are absent. */
  skillLabels(ids: readonly string[]): Promise<Map<string, string>>;
  /** Regions with postings or earners. */
  regionsWithData(): Promise<string[]>;
  /** Postings (in the scope) and consenting verified earners (of the skill, if any) per region. */
  regionCounts(scope: Omit<PostingScope, 'region'>): Promise<{ postings: Map<string, number>; earners: Map<string, number> }>;
  /** A skill's postings in the scope: how many, and the `size` employers and job titles with the most. */
  demandBreakdown(
    scope: PostingScope & { skill: string },
    size: number,
  ): Promise<{ total: number; employers: Map<string, number>; titles: Map<string, number> }>;
  logSearch(entry: SearchLogDocument): Promise<void>;
  saveSnapshot(documents: readonly ReportSnapshotDocument[]): Promise<void>;
  /** The newest snapshot of a scope taken at or before `atOrBefore`. */
  latestSnapshot(region: string, postedWithinMonths: number, atOrBefore: Date): Promise<SnapshotMarker | undefined>;
  /** Snapshots of a scope from `since` on, oldest first; at most `limit` (the newest ones). */
  snapshots(region: string, postedWithinMonths: number, since: Date, until: Date, limit: number): Promise<SnapshotMarker[]>;
  /** Row counts of these snapshots of a scope; only `skills` when given. */
  snapshotValues(snapshotIds: readonly string[], region: string, skills: readonly string[] | null): Promise<SnapshotValues[]>;
}

function checked(item: MsearchResponseItem<unknown>, log: Logger): SearchResponse<unknown> {
  if ('error' in item) {
    if (item.error.type === 'index_not_found_exception')
      throw new SearchUnavailableError('The reports are not set up yet; try again once the indices exist.');
    if (item.status === 429 || item.status >= 500) throw new SearchUnavailableError();
    log.error('engine rejected a report request', { status: item.status, type: item.error.type, reason: item.error.reason });
    throw new Error('The engine rejected a report request');
  }
  // Partial results would make counts wrong: treat them as unavailability.
  if (item.timed_out || (item._shards?.failed ?? 0) > 0) throw new SearchUnavailableError();
  return item;
}

export function createReportStore(client: Client, indexPrefix: string, log: Logger): ReportStore {
  const index = (kind: IndexKind) => aliasName(indexPrefix, kind);
  const guard = engineGuard(log);
  const multi = async (searches: [IndexKind, Body][]) => {
    const response = await client.msearch({ searches: searches.flatMap(([kind, body]) => [{ index: index(kind) }, body]) });
    return response.responses.map((item) => checked(item, log));
  };
  const scopeFilter = (region: string, postedWithinMonths: number, kind: ReportSnapshotDocument['kind']): QueryDslQueryContainer[] => [
    { term: { kind } },
    { term: { region } },
    { term: { postedWithinMonths } },
  ];

  return {
    counts: (scope) =>
      guard(async () => {
        const [demand, searches, supply] = await multi([
          ['postings', demandRequest(scope)],
          ['search-log', searchesRequest(scope)],
          ['earners', supplyRequest(scope)],
        ]);
        return {
          demand: readDemand(demand!.aggregations),
          searches: readSearches(searches!.aggregations),
          supply: readSupply(supply!.aggregations),
        };
      }),
    occupation: (soc) =>
      guard(async () => {
        const response = await client.get<OccupationDocument>({ index: index('occupations'), id: soc }, { ignore: [404] });
        return response.found ? response._source : undefined;
      }),
    skillLabels: (ids) =>
      guard(async () => {
        if (ids.length === 0) return new Map();
        const response = await client.mget<Pick<SkillDocument, 'label'>>({
          index: index('skills'),
          ids: [...ids],
          _source_includes: ['label'],
        });
        return new Map(
          response.docs.flatMap((doc) => ('found' in doc && doc.found && doc._source ? [[doc._id, doc._source.label] as const] : [])),
        );
      }),
    regionsWithData: () =>
      guard(async () => {
        const [postings, earners] = await multi([
          ['postings', regionsRequests.postings],
          ['earners', regionsRequests.earners],
        ]);
        return [...new Set([...readRegions(postings!.aggregations), ...readRegions(earners!.aggregations)])].sort();
      }),
    regionCounts: (scope) =>
      guard(async () => {
        const [postings, earners] = await multi([
          ['postings', postingsByRegionRequest({ ...scope, region: null })],
          ['earners', earnersByRegionRequest(scope.skill)],
        ]);
        return { postings: readTerms(postings!.aggregations, 'regions'), earners: readTerms(earners!.aggregations, 'regions') };
      }),
    demandBreakdown: (scope, size) =>
      guard(async () => {
        const [response] = await multi([['postings', demandBreakdownRequest(scope, size)]]);
        const total = response!.hits.total;
        return {
          total: typeof total === 'number' ? total : (total?.value ?? 0),
          employers: readTerms(response!.aggregations, 'employers'),
          titles: readTerms(response!.aggregations, 'titles'),
        };
      }),
    logSearch: (entry) =>
      guard(async () => {
        await client.index({ index: index('search-log'), document: entry });
      }),
    saveSnapshot: (documents) =>
      guard(async () => {
        for (let i = 0; i < documents.length; i += BULK_DOCUMENTS) {
          const batch = documents.slice(i, i + BULK_DOCUMENTS);
          const operations = batch.flatMap((doc) => [
            { index: { _index: index('report-snapshots'), _id: [doc.snapshotId, doc.region, doc.skillId ?? ''].join('|') } },
            doc,
          ]);
          const response = await client.bulk({ operations });
          const failed = response.items.find((item) => item.index?.error);
          if (failed) throw new Error(`could not store a snapshot: ${failed.index?.error?.reason ?? 'unknown reason'}`);
        }
        await client.indices.refresh({ index: index('report-snapshots') });
      }),
    latestSnapshot: (region, postedWithinMonths, atOrBefore) =>
      guard(async () => {
        const response = await client.search<ReportSnapshotDocument>({
          index: index('report-snapshots'),
          size: 1,
          _source: ['snapshotId', 'takenAt'],
          query: {
            bool: {
              filter: [...scopeFilter(region, postedWithinMonths, 'scope'), { range: { takenAt: { lte: atOrBefore.toISOString() } } }],
            },
          },
          sort: [{ takenAt: 'desc' }, { snapshotId: 'desc' }],
        });
        const hit = response.hits.hits[0]?._source;
        return hit ? { snapshotId: hit.snapshotId, takenAt: hit.takenAt } : undefined;
      }),
    snapshots: (region, postedWithinMonths, since, until, limit) =>
      guard(async () => {
        const response = await client.search<ReportSnapshotDocument>({
          index: index('report-snapshots'),
          size: limit,
          _source: ['snapshotId', 'takenAt'],
          query: {
            bool: {
              filter: [
                ...scopeFilter(region, postedWithinMonths, 'scope'),
                { range: { takenAt: { gte: since.toISOString(), lte: until.toISOString() } } },
              ],
            },
          },
          sort: [{ takenAt: 'desc' }, { snapshotId: 'desc' }],
        });
        return response.hits.hits
          .flatMap((h) => (h._source ? [{ snapshotId: h._source.snapshotId, takenAt: h._source.takenAt }] : []))
          .reverse();
      }),
    snapshotValues: (snapshotIds, region, skills) =>
      guard(async () => {
        if (snapshotIds.length === 0 || skills?.length === 0) return [];
        const filter: QueryDslQueryContainer[] = [
          { term: { kind: 'row' } },
          { term: { region } },
          { terms: { snapshotId: [...snapshotIds] } },
          ...(skills ? [{ terms: { skillId: [...skills] } }] : []),
        ];
        const values: SnapshotValues[] = [];
        let after: SortResults | undefined;
        for (;;) {
          const page = await client.search<ReportSnapshotDocument>({
            index: index('report-snapshots'),
            size: PAGE,
            _source: ['snapshotId', 'skillId', 'demand', 'supply'],
            query: { bool: { filter } },
            sort: [{ snapshotId: 'asc' }, { skillId: 'asc' }],
            ...(after ? { search_after: after } : {}),
          });
          for (const { _source: s } of page.hits.hits)
            if (s?.skillId) values.push({ snapshotId: s.snapshotId, skillId: s.skillId, demand: s.demand ?? 0, supply: s.supply ?? 0 });
          if (page.hits.hits.length < PAGE) return values;
          after = page.hits.hits.at(-1)?.sort;
        }
      }),
  };
}
