/**
 * The API's scheduled jobs: a thin wrapper around node-cron that refuses to
 * start a run while the previous one is still going, and logs each run's
 * duration and outcome. Same behaviour as the indexer's `schedule.ts` (the
 * API may not import the indexer); the two can move into a shared module.
 */
import cron from 'node-cron';
import type { Logger } from '../log.ts';

/** What one run did: ran to the end, failed, or did not start because a run was going. */
export type JobOutcome = { status: 'ok'; ms: number } | { status: 'failed'; ms: number; error: string } | { status: 'skipped'; reason: 'still running' };

export interface Job {
  readonly name: string;
  /** Runs now unless a run is in progress (then returns `skipped`). */
  runNow(): Promise<JobOutcome>;
  isRunning(): boolean;
  /** Starts the schedule. */
  start(): void;
  /** Stops the schedule (a run in progress finishes). */
  stop(): void;
}

export interface JobDefinition {
  name: string;
  /** Cron expression (node-cron syntax; a leading seconds field is allowed). */
  expression: string;
  run: () => Promise<unknown>;
  log: Logger;
}

export function createJob({ name, expression, run, log }: JobDefinition): Job {
  if (!cron.validate(expression)) throw new Error(`job "${name}": "${expression}" is not a valid cron expression`);
  let running = false;
  const runNow = async (): Promise<JobOutcome> => {
    if (running) {
      log.warn('job skipped: the previous run is still going', { job: name, outcome: 'skipped' });
      return { status: 'skipped', reason: 'still running' };
    }
    running = true;
    const started = Date.now();
    try {
      await run();
      const ms = Date.now() - started;
      log.info('job finished', { job: name, outcome: 'ok', ms });
      return { status: 'ok', ms };
    } catch (error) {
      const ms = Date.now() - started;
      const message = error instanceof Error ? error.message : String(error);
      log.error('job failed', { job: name, outcome: 'failed', ms, error: message });
      return { status: 'failed', ms, error: message };
    } finally {
      running = false;
    }
  };
  // Created stopped: the server starts it once it listens.
  const task = cron.createTask(expression, () => void runNow(), { name });
  return {
    name,
    runNow,
    isRunning: () => running,
    start: () => void task.start(),
    stop: () => void task.stop(),
  };
}
