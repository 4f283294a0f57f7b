/** The employer's saved searches: listing, saving the current search, deleting, and the search URL each opens. */
import { request } from './api';
import { messageOf } from './errors';
import {
  DeleteSavedSearchDocument,
  SavedSearchesDocument,
  SaveSearchDocument,
  type SavedSearchAlert,
  type SavedSearchesQuery,
} from './graphql/generated';
import { ListLoader } from './list-loader.svelte';
import { DEFAULT_RADIUS_MILES, KM_PER_MILE, PLACES, RADII_MILES } from './places';
import { emptyQuery, progressValue, searchPath, toSearchInput, type SearchQuery } from './search-query';

export type SavedSearchItem = SavedSearchesQuery['savedSearches'][number];

/** The search page's URL state of a saved search (the URL keeps the whole search). Pure. */
export function queryOfSaved(saved: SavedSearchItem['search']): SearchQuery {
  return {
    ...emptyQuery(),
    text: saved.text ?? '',
    skills: saved.skills,
    skillsMode: saved.skillsMode,
    badges: saved.badges,
    badgesMode: saved.badgesMode,
    issuers: saved.issuers,
    frameworks: saved.frameworks,
    regions: saved.regions,
    credentialTypes: saved.credentialTypes,
    excludeBadges: saved.excludeBadges,
    excludeSkills: saved.excludeSkills,
    excludeIssuers: saved.excludeIssuers,
    pathways: saved.pathways,
    pathwayProgress: saved.pathwayProgress.map((p) => progressValue(p.pathway, p.minEarned)),
    ...placeOf(saved.near),
    issuedWithinMonths: saved.issuedWithinMonths ?? null,
    unrecognized: saved.issuerRecognition.some((standing) => standing !== 'RECOGNIZED'),
    sort: saved.sort,
  };
}

/** The place and radius a saved `near` was made from (the web app saves only places of its list). */
function placeOf(near: SavedSearchItem['search']['near']): Pick<SearchQuery, 'near' | 'radiusMiles'> {
  const place = near && PLACES.find((p) => p.lat === near.lat && p.lon === near.lon);
  if (!near || !place) return { near: null, radiusMiles: DEFAULT_RADIUS_MILES };
  const miles = RADII_MILES.find((m) => Math.abs(m * KM_PER_MILE - near.radiusKm) < 0.01) ?? DEFAULT_RADIUS_MILES;
  return { near: place.id, radiusMiles: miles };
}

export const openPath = (saved: SavedSearchItem): string => searchPath(queryOfSaved(saved.search));

/** Saves the search the page shows; returns the error message, or null when saved. */
export async function saveCurrentSearch(name: string, query: SearchQuery, alert: SavedSearchAlert): Promise<string | null> {
  try {
    await request(SaveSearchDocument, { input: { name, search: toSearchInput(query), alert } });
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

export class SavedSearchesStore extends ListLoader<SavedSearchItem> {
  constructor() {
    super(async () => (await request(SavedSearchesDocument)).savedSearches);
  }

  async remove(id: string): Promise<void> {
    this.error = null;
    try {
      await request(DeleteSavedSearchDocument, { id });
      this.items = this.items.filter((item) => item.id !== id);
    } catch (error) {
      this.error = messageOf(error);
    }
  }
}
