/**
 * Saved searches of the signed-in employer: list, save (checked like a
 * search, the current matches recorded as the alert's starting point) and
 * delete. Only employers, and only their own: another employer's id is
 * refused exactly like an id that does not exist.
 */
import { randomUUID } from 'node:crypto';
import type { SavedSearchDocument } from '../../mappings/saved-searches.ts';
import type { SearchEngine } from '../engine.ts';
import type { Platform } from '../platform.ts';
import { BadInputError, ForbiddenError } from '../errors.ts';
import type { Loaders } from '../loaders.ts';
import { createSearchService } from '../services/search-service.ts';
import { requireSignedIn } from '../services/access.ts';
import type { Viewer } from '../viewer.ts';
import { parseSaveSearch, SAVED_SEARCH_LIMITS, type SaveSearchArgs } from './criteria.ts';
import { currentMatches } from './matches.ts';

export interface SavedSearchServiceDependencies {
  /** Read lazily: a server without accounts has no store, and fails only when one is used. */
  platform: Pick<Platform, 'savedSearches'>;
  engine: SearchEngine;
  loaders: Loaders;
  viewer: Viewer;
  now: () => Date;
}

const tooMany = () => new BadInputError('input', `at most ${SAVED_SEARCH_LIMITS.maxPerEmployer} saved searches: delete one first`);

function requireEmployer(viewer: Viewer): string {
  const accountId = requireSignedIn(viewer);
  if (viewer.role !== 'employer') throw new ForbiddenError('Saved searches are for employer accounts.');
  return accountId;
}

export function createSavedSearchService({ platform, engine, loaders, viewer, now }: SavedSearchServiceDependencies) {
  const store = () => platform.savedSearches;
  return {
    async savedSearches(): Promise<SavedSearchDocument[]> {
      return store().listOwn(requireEmployer(viewer));
    },

    async saveSearch(input: SaveSearchArgs): Promise<SavedSearchDocument> {
      const employerAccountId = requireEmployer(viewer);
      const { name, criteria, alert } = parseSaveSearch(input);
      if ((await store().countOwn(employerAccountId)) >= SAVED_SEARCH_LIMITS.maxPerEmployer) throw tooMany();
      // Who matches now is the starting point: the first alert lists only those who match later.
      const search = createSearchService({ engine, loaders, viewer, now });
      const matches = await currentMatches(search, criteria);
      const at = now().toISOString();
      const document: SavedSearchDocument = {
        id: `ss_${randomUUID()}`,
        employerAccountId,
        name,
        criteria: { ...criteria },
        alert,
        createdAt: at,
        lastRunAt: at,
        lastMatchIds: matches.map((m) => m.id),
        newMatchCount: 0,
      };
      await store().create(document);
      // Counted again once stored: saves racing past the first check are taken back, so the limit holds.
      if ((await store().countOwn(employerAccountId)) > SAVED_SEARCH_LIMITS.maxPerEmployer) {
        await store().deleteOwn(employerAccountId, document.id);
        throw tooMany();
      }
      return document;
    },

    async deleteSavedSearch(id: string): Promise<boolean> {
      const employerAccountId = requireEmployer(viewer);
      if (!(await store().deleteOwn(employerAccountId, id))) throw new BadInputError('id', 'no saved search of yours has this id');
      return true;
    },
  };
}

export type SavedSearchService = ReturnType<typeof createSavedSearchService>;
