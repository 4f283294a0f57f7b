/**
 * What the skill-gap reports need beyond a request: their store, the
 * disclosure control, the snapshot job and the search-log hook. Built once
 * per server (like `platform.ts`); a server without it (the search-only test
 * harness) logs no searches and serves no reports.
 */
import type { Client } from '@elastic/elasticsearch';
import type { ReportConfig } from '../config.ts';
import type { Job } from '../../mappings/runtime/scheduled-job.ts';
import { createSnapshotJob } from './snapshot-job.ts';
import type { Logger } from '../log.ts';
import { resolveNoiseSecret } from './noise-secret.ts';
import { searchLogEntry, type LoggedSearch } from './search-log-entry.ts';
import type { DisclosureControl } from './suppression.ts';
import { createReportStore, type ReportStore } from './store.ts';

export interface Reporting {
  store: ReportStore;
  /** How every count is published: noise keyed by the secret, rounding, suppression. */
  disclosure: DisclosureControl;
  /** The scheduled snapshot (started by `main.ts`; `runNow` for on-demand runs). */
  snapshotJob: Job;
  /** Fire-and-forget: records an employer search; never throws, never delays the search. */
  logSearch(search: LoggedSearch): void;
}

export function createReporting(
  client: Client,
  indexPrefix: string,
  config: ReportConfig,
  log: Logger,
  now: () => Date = () => new Date(),
): Reporting {
  const store = createReportStore(client, indexPrefix, log);
  return {
    store,
    disclosure: { threshold: config.minCell, noiseSecret: resolveNoiseSecret(config.noiseSecret, config.cacheDir) },
    snapshotJob: createSnapshotJob({ store, expression: config.snapshotCron, now, log }),
    logSearch(search) {
      try {
        store
          .logSearch(searchLogEntry(search, config.minCell, now()))
          .catch((error: Error) => log.warn('could not log a search for the reports', { error: error.message }));
      } catch (error) {
        log.warn('could not log a search for the reports', { error: (error as Error).message });
      }
    },
  };
}
