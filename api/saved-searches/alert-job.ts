/**
 * Saved-search alerts: a non-overlapping scheduled job. Each saved search
 * whose alert is due runs through the same search service, as its employer,
 * that the employer's own searches use (so only listed earners and shown
 * badges count); the earners who match now but did not at the last run go
 * into ONE digest per employer, then the run's matches are recorded. An
 * earner who opted out is no longer found, so is never mailed about.
 */
import type { SavedSearchDocument } from '../../mappings/saved-searches.ts';
import { createJob, type Job } from '../../mappings/runtime/scheduled-job.ts';
import type { SearchEngine } from '../engine.ts';
import { createLoaders } from '../loaders.ts';
import type { Logger } from '../log.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { createSearchService } from '../services/search-service.ts';
import type { AccountStore } from '../stores/accounts.ts';
import type { Viewer } from '../viewer.ts';
import type { SavedCriteria } from './criteria.ts';
import { savedSearchDigest, type DigestSection } from './digest.ts';
import { currentMatches, isDue, newlyMatching } from './matches.ts';
import type { SavedSearchStore } from './store.ts';

export interface AlertDependencies {
  store: SavedSearchStore;
  accounts: AccountStore;
  engine: SearchEngine;
  outbox: Outbox;
  publicUrl: string;
  now: () => Date;
  log: Logger;
}

export interface AlertRunSummary {
  searches: number;
  digests: number;
}

async function dueByEmployer(store: SavedSearchStore, now: Date): Promise<Map<string, SavedSearchDocument[]>> {
  const due = new Map<string, SavedSearchDocument[]>();
  for await (const page of store.withAlerts())
    for (const saved of page)
      if (isDue(saved.alert, saved.lastRunAt, now)) due.set(saved.employerAccountId, [...(due.get(saved.employerAccountId) ?? []), saved]);
  return due;
}

export async function runSavedSearchAlerts(deps: AlertDependencies, signal?: AbortSignal): Promise<AlertRunSummary> {
  const { store, accounts, engine, outbox, publicUrl, log } = deps;
  const now = deps.now();
  const summary: AlertRunSummary = { searches: 0, digests: 0 };
  for (const [employerAccountId, searches] of await dueByEmployer(store, now)) {
    signal?.throwIfAborted();
    // The account as it is now: a deleted account or one that is no longer an employer gets nothing.
    const account = (await accounts.get(employerAccountId))?.doc;
    if (!account || account.role !== 'employer') {
      log.warn('saved-search alerts: skipped the searches of an account that is gone or no longer an employer', {
        searches: searches.length,
      });
      continue;
    }
    const viewer: Viewer = {
      role: 'employer',
      accountId: account.id,
      email: account.email,
      ...(account.organisation ? { organisation: account.organisation } : {}),
    };
    // Not logged as demand: these are the job's searches, not a person's.
    const search = createSearchService({ engine, loaders: createLoaders(engine), viewer, now: () => now });
    const sections: DigestSection[] = [];
    const runs: { id: string; lastMatchIds: string[]; newMatchCount: number }[] = [];
    for (const saved of searches) {
      const matches = await currentMatches(search, saved.criteria as unknown as SavedCriteria);
      const fresh = newlyMatching(matches, saved.lastMatchIds);
      if (fresh.length > 0) sections.push({ searchName: saved.name, earners: fresh });
      runs.push({ id: saved.id, lastMatchIds: matches.map((m) => m.id), newMatchCount: fresh.length });
    }
    // Sent before the runs are recorded: a failed send leaves the new matches new for the next run.
    if (sections.length > 0) {
      await outbox.send(savedSearchDigest(account.email, sections, publicUrl));
      summary.digests++;
    }
    for (const run of runs) await store.recordRun(run.id, { lastRunAt: now.toISOString(), ...run });
    summary.searches += runs.length;
  }
  await store.refresh();
  return summary;
}

export function createSavedSearchAlertJob(deps: AlertDependencies & { expression: string }): Job {
  return createJob({
    name: 'saved-search-alerts',
    expression: deps.expression,
    log: deps.log,
    run: async (signal) => {
      const summary = await runSavedSearchAlerts(deps, signal);
      deps.log.info('saved-search alerts sent', { ...summary });
    },
  });
}
