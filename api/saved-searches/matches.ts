/**
 * The earners a saved search matches now, found through the same search
 * service (and so the same privacy rules: listed earners, shown badges only)
 * an employer's own search uses, page by page up to a cap.
 */
import type { SearchService } from '../services/search-service.ts';
import { LIMITS } from '../search/limits.ts';
import { SAVED_SEARCH_LIMITS, type SavedCriteria } from './criteria.ts';

export interface MatchedEarner {
  id: string;
  name: string;
}

export async function currentMatches(search: SearchService, criteria: SavedCriteria): Promise<MatchedEarner[]> {
  const found: MatchedEarner[] = [];
  let after: string | undefined;
  while (found.length < SAVED_SEARCH_LIMITS.maxTrackedMatches) {
    const page = await search.searchEarners({ ...criteria, first: LIMITS.maxPageSize, facetSize: 1, ...(after ? { after } : {}) });
    for (const node of page.nodes) found.push({ id: node.earner.id, name: node.earner.name });
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return found.slice(0, SAVED_SEARCH_LIMITS.maxTrackedMatches);
}

/** Those matching now who did not match at the last run. Pure. */
export function newlyMatching(current: readonly MatchedEarner[], previousIds: readonly string[]): MatchedEarner[] {
  const before = new Set(previousIds);
  return current.filter((earner) => !before.has(earner.id));
}

/** Whether an alert is due: a day (or a week) since the last run, less an hour so a daily cron never slips a day. Pure. */
export function isDue(alert: 'none' | 'daily' | 'weekly', lastRunAt: string, now: Date): boolean {
  if (alert === 'none') return false;
  const hour = 3_600_000;
  const interval = alert === 'daily' ? 24 * hour : 7 * 24 * hour;
  return now.getTime() - Date.parse(lastRunAt) >= interval - hour;
}
