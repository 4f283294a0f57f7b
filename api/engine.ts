/**
 * The only module that talks to the engine for the API. It addresses indices
 * by alias, accepts earner requests only in their privacy-checked form, and
 * turns engine failures into domain errors (no engine internals leak).
 */
import { errors, type Client } from '@elastic/elasticsearch';
import type { MgetResponse, MsearchRequestItem, SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { aliasName } from '../mappings/indices.ts';
import type { Logger } from './log.ts';
import { SearchUnavailableError, ServiceUnavailableError, type UnavailableError } from './errors.ts';
import type { DirectoryRequest } from './search/privacy.ts';

/** Indices whose documents are public (the taxonomy, badge classes, the issuer registry, pathway definitions, O*NET occupations: read with field allow-lists). */
export type PublicIndex = 'skills' | 'badge-classes' | 'issuers' | 'pathways' | 'occupations';

/** One search of a multi-search: the earners index only with a directory request. */
export type EngineSearch = { index: 'earners'; body: DirectoryRequest } | { index: PublicIndex; body: Omit<SearchRequest, 'index'> };

export interface SearchEngine {
  searchEarners<T = unknown>(body: DirectoryRequest): Promise<SearchResponse<T>>;
  searchPublic<T = unknown>(index: PublicIndex, body: Omit<SearchRequest, 'index'>): Promise<SearchResponse<T>>;
  /** Several searches in one round trip; responses in the same order. */
  multiSearch(searches: readonly EngineSearch[]): Promise<SearchResponse<unknown>[]>;
  getPublic<T>(index: PublicIndex, ids: readonly string[], fields: readonly string[]): Promise<(T | undefined)[]>;
  /** `getPublic`, also naming the concrete indices that answered (behind the alias: which version of the index). */
  getPublicVersioned<T>(
    index: PublicIndex,
    ids: readonly string[],
    fields: readonly string[],
  ): Promise<{ docs: (T | undefined)[]; indices: string[] }>;
  /** How the earners index is laid out (shards, flat default-scope fields); absent: one shard, flat fields present. */
  readonly earnerLayout?: EarnerIndexLayout;
}

export interface EarnerIndexLayout {
  /** Primary shards (INDEX_SHARDS): facet aggregations ask every shard for all its values when above 1. */
  shards: number;
  /** False for an index built before `public.recognizedVerified`: searches then use nested joins only. */
  flatDefaultScope: boolean;
}

/** A field of the flat default-scope values: present in every earners index built by this version. */
const DEFAULT_SCOPE_PROBE = 'public.recognizedVerified.badgeClasses';

/**
 * True when every index behind the earners alias maps the flat default-scope
 * fields. An index built by an older version lacks them (and its documents
 * their values) until `reindex` rebuilds it.
 */
export async function hasDefaultScopeFields(client: Client, indexPrefix: string): Promise<boolean> {
  const response = await client.indices.getFieldMapping({ index: aliasName(indexPrefix, 'earners'), fields: DEFAULT_SCOPE_PROBE });
  const indices = Object.values(response);
  return indices.length > 0 && indices.every((index) => DEFAULT_SCOPE_PROBE in (index.mappings ?? {}));
}

function strip(body: DirectoryRequest | Omit<SearchRequest, 'index'>): Omit<SearchRequest, 'index'> {
  const { __directory: _brand, ...rest } = body as DirectoryRequest;
  return rest;
}

/** Searches and look-ups say "search"; everything else (accounts, settings, contacts, reports) says "service". */
export type EngineWork = 'search' | 'service';

function unavailable(work: EngineWork, message?: string): UnavailableError {
  return work === 'search' ? new SearchUnavailableError(message) : new ServiceUnavailableError(message);
}

function itemFailure(status: number, type: string | undefined, reason: string, log: Logger, work: EngineWork = 'search'): Error {
  if (type === 'index_not_found_exception')
    return unavailable(work, `The ${work === 'search' ? 'directory' : 'service'} is not set up yet; try again once its indices exist.`);
  if (status === 429 || status >= 500) return unavailable(work);
  // A malformed request is our bug: log it, tell the caller nothing about the engine.
  log.error('engine rejected a request', { status, type, reason });
  return new Error('The engine rejected a request');
}

/** Maps an engine failure to a domain error; `work` picks the code and message (a slow sign-in is no slow search). */
export function engineFailure(error: unknown, log: Logger, work: EngineWork = 'search'): Error {
  if (error instanceof errors.TimeoutError)
    return work === 'search'
      ? new SearchUnavailableError('The search took too long; narrow it down or try again.')
      : new ServiceUnavailableError();
  if (error instanceof errors.ConnectionError || error instanceof errors.NoLivingConnectionsError) return unavailable(work);
  if (error instanceof errors.ResponseError) {
    const type = (error.body as { error?: { type?: string } } | undefined)?.error?.type;
    return itemFailure(error.statusCode ?? 0, type, error.message, log, work);
  }
  return error instanceof Error ? error : new Error(String(error));
}

export function createSearchEngine(
  client: Client,
  indexPrefix: string,
  log: Logger,
  earnerLayout: EarnerIndexLayout = { shards: 1, flatDefaultScope: true },
): SearchEngine {
  const index = (kind: 'earners' | PublicIndex) => aliasName(indexPrefix, kind);
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw engineFailure(error, log);
    }
  };
  const checked = <T>(response: SearchResponse<T>): SearchResponse<T> => {
    // Partial results would make counts wrong: treat them as unavailability.
    if (response.timed_out || (response._shards?.failed ?? 0) > 0) throw new SearchUnavailableError();
    return response;
  };

  return {
    earnerLayout,
    searchEarners: (body) => guard(async () => checked(await client.search({ index: index('earners'), ...strip(body) }))),
    searchPublic: (kind, body) => guard(async () => checked(await client.search({ index: index(kind), ...body }))),
    multiSearch: (searches) =>
      guard(async () => {
        if (searches.length === 0) return [];
        const lines = searches.flatMap((s) => [{ index: index(s.index) }, strip(s.body) as MsearchRequestItem]);
        const response = await client.msearch({ searches: lines });
        return response.responses.map((item) => {
          if ('error' in item) throw itemFailure(item.status, item.error.type, item.error.reason ?? '', log);
          return checked(item as SearchResponse<unknown>);
        });
      }),
    getPublic: async <T>(kind: PublicIndex, ids: readonly string[], fields: readonly string[]) =>
      (await getPublicVersioned<T>(kind, ids, fields)).docs,
    getPublicVersioned,
  };

  async function getPublicVersioned<T>(kind: PublicIndex, ids: readonly string[], fields: readonly string[]) {
    return guard(async () => {
      if (ids.length === 0) return { docs: [], indices: [] };
      const response: MgetResponse<T> = await client.mget<T>({ index: index(kind), ids: [...ids], _source_includes: [...fields] });
      return {
        docs: response.docs.map((doc) => ('found' in doc && doc.found ? doc._source : undefined)),
        indices: [...new Set(response.docs.map((doc) => doc._index))],
      };
    });
  }
}
