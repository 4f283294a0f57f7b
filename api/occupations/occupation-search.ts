/**
 * Occupations by title ("welder") for the report's occupation filter: O*NET
 * titles (public data) matched by words, with a prefix on the last word so a
 * title can be found while it is typed. Agency and admin accounts, like the
 * reports they filter.
 */
import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import type { OccupationDocument } from '../../mappings/occupations.ts';
import type { SearchEngine } from '../engine.ts';
import { BadInputError } from '../errors.ts';
import { requireReportAccess } from '../services/access.ts';
import type { Viewer } from '../viewer.ts';

export const OCCUPATION_LIMITS = { maxTextLength: 100, maxFirst: 20, defaultFirst: 8 } as const;

export type OccupationMatch = Pick<OccupationDocument, 'soc' | 'title'>;

/** Words of the title in any order; the last word may be a prefix ("weld" finds "Welders"). */
export function occupationTitleRequest(text: string, first: number): Omit<SearchRequest, 'index'> {
  return {
    query: {
      bool: {
        should: [
          { match_bool_prefix: { title: { query: text, operator: 'and' } } },
          { match: { title: { query: text, boost: 2 } } },
          // "welder" finds "Welders, Cutters, ...": also try the word without a final -s/-er difference.
          { match_bool_prefix: { title: { query: text.replace(/(er|ers|s)$/i, ''), operator: 'and' } } },
        ],
        minimum_should_match: 1,
      },
    },
    size: first,
    sort: [{ _score: { order: 'desc' } }, { 'title.keyword': 'asc' }],
    _source: { includes: ['soc', 'title'] },
  };
}

export function createOccupationSearch({ engine, viewer }: { engine: SearchEngine; viewer: Viewer }) {
  return {
    async occupations(text: string, first: number | null | undefined): Promise<OccupationMatch[]> {
      requireReportAccess(viewer);
      const words = text.trim();
      if (words === '') throw new BadInputError('text', 'type a few letters of the occupation title');
      if (words.length > OCCUPATION_LIMITS.maxTextLength)
        throw new BadInputError('text', `at most ${OCCUPATION_LIMITS.maxTextLength} characters`);
      const size = first ?? OCCUPATION_LIMITS.defaultFirst;
      if (!Number.isInteger(size) || size < 1 || size > OCCUPATION_LIMITS.maxFirst)
        throw new BadInputError('first', `must be a whole number from 1 to ${OCCUPATION_LIMITS.maxFirst}`);
      const response = await engine.searchPublic<OccupationMatch>('occupations', occupationTitleRequest(words, size));
      return response.hits.hits.flatMap((hit) => (hit._source ? [{ soc: hit._source.soc, title: hit._source.title }] : []));
    },
  };
}

export type OccupationSearch = ReturnType<typeof createOccupationSearch>;
