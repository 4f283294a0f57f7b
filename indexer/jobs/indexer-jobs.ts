/**
 * The indexer's scheduled jobs: re-verify stored credentials, and ingest the
 * configured sources again. `npm run indexer -- schedule` and `npm start` run them.
 */
import path from 'node:path';
import { runIngest } from '../ingest/run.ts';
import { formatSummary } from '../ingest/summary.ts';
import { backup } from '../backup/snapshots.ts';
import { reverifyAll } from '../rebuild/reverify.ts';
import type { IndexerRuntime } from '../runtime/runtime.ts';
import { createJob, type Job, type JobLog } from '../../mappings/runtime/scheduled-job.ts';

/** Structured log line for jobs (one JSON object per line). */
export function jsonLog(msg: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), msg, ...fields }));
}

export function indexerJobs(runtime: IndexerRuntime, log: (line: string, fields?: Record<string, unknown>) => void = jsonLog): Job[] {
  const { backup: backupConfig } = runtime.config;
  // One JSON line per event whatever its level: the outcome field says what happened.
  const jobLog: JobLog = { info: log, warn: log, error: log };
  return [
    ...(backupConfig.cron
      ? [
          createJob({
            name: 'backup',
            expression: backupConfig.cron,
            // A snapshot is all or nothing on the engine's side; a failed one is retried at the next tick.
            run: async () => {
              const summary = await backup(runtime.store.target, backupConfig);
              log(
                `backup ${summary.snapshot}: ${Object.keys(summary.manifest.indices).length} indices in ${summary.ms} ms${summary.deleted.length ? `, ${summary.deleted.length} old deleted` : ''}`,
                { job: 'backup', snapshot: summary.snapshot, deleted: summary.deleted },
              );
            },
            log: jobLog,
          }),
        ]
      : []),
    createJob({
      name: 'reverify',
      expression: runtime.config.reverifyCron,
      run: async (signal) => {
        const summary = await reverifyAll(runtime, runtime.verify, undefined, signal);
        log(`re-verified ${summary.checked} credentials, ${summary.changed} changed`, { job: 'reverify', ...summary });
      },
      log: jobLog,
    }),
    createJob({
      name: 'refresh-sources',
      expression: runtime.config.refreshCron,
      run: async (signal) => {
        if (runtime.config.sources.length === 0) return;
        const summary = await runIngest(
          runtime,
          runtime.config.sources,
          path.join(runtime.config.rejectsDir, `refresh-${Date.now()}.jsonl`),
          signal,
        );
        log(formatSummary(summary), { job: 'refresh-sources' });
      },
      log: jobLog,
    }),
  ];
}
