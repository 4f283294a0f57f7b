/**
 * The API's scheduled jobs: a thin wrapper around node-cron that refuses to
 * start a run while the previous one is still going, and logs each run's
 * duration and outcome. Same behaviour as the indexer's `schedule.ts` (the
 * API may not import the indexer); the two can move into a shared module.
 */
import cron from 'node-cron';
import type { Logger } from '../log.ts';

/** What one run did: ran to the end, failed, or did not start because a run was going. */
export type JobOutcome =
  { status: 'ok'; ms: number } | { status: 'failed'; ms: number; error: string } | { status: 'skipped'; reason: 'still running' };

export interface Job {
  readonly name: string;
  /** Runs now unless a run is in progress (then returns `skipped`). */
  runNow(): Promise<JobOutcome>;
  isRunning(): boolean;
  /** Starts the schedule. */
  start(): void;
  /** Stops the schedule (a run in progress finishes). */
  stop(): void;
  /**
   * For shutdown: stops the schedule, asks a running run to stop at its next
   * safe point (its signal aborts), and waits at most `timeoutMs` for it.
   * Resolves true when no run is going any more.
   */
  shutdown(timeoutMs: number): Promise<boolean>;
}

export interface JobDefinition {
  name: string;
  /** Cron expression (node-cron syntax; a leading seconds field is allowed). */
  expression: string;
  /** The run; `signal` aborts when the server shuts down (stop at a safe point). */
  run: (signal: AbortSignal) => Promise<unknown>;
  log: Logger;
}

export function createJob({ name, expression, run, log }: JobDefinition): Job {
  if (!cron.validate(expression)) throw new Error(`job "${name}": "${expression}" is not a valid cron expression`);
  let running: Promise<unknown> | null = null;
  let controller = new AbortController();
  const runNow = async (): Promise<JobOutcome> => {
    if (running) {
      log.warn('job skipped: the previous run is still going', { job: name, outcome: 'skipped' });
      return { status: 'skipped', reason: 'still running' };
    }
    const started = Date.now();
    let done!: () => void;
    running = new Promise<void>((resolve) => (done = resolve));
    try {
      await run(controller.signal);
      const ms = Date.now() - started;
      log.info('job finished', { job: name, outcome: 'ok', ms });
      return { status: 'ok', ms };
    } catch (error) {
      const ms = Date.now() - started;
      const message = error instanceof Error ? error.message : String(error);
      log.error('job failed', { job: name, outcome: 'failed', ms, error: message });
      return { status: 'failed', ms, error: message };
    } finally {
      running = null;
      done();
    }
  };
  // Created stopped: the server starts it once it listens.
  const task = cron.createTask(expression, () => void runNow(), { name });
  const idle = () => running === null;
  return {
    name,
    runNow,
    isRunning: () => !idle(),
    start: () => {
      controller = new AbortController();
      void task.start();
    },
    stop: () => void task.stop(),
    shutdown: async (timeoutMs) => {
      void task.stop();
      controller.abort(new Error(`job ${name} stopped: the server is shutting down`));
      if (running) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
      return idle();
    },
  };
}
