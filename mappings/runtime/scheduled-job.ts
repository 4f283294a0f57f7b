/**
 * Scheduled jobs, for the indexer (re-verify, refresh, backup) and the API
 * (skill-gap snapshot): a thin wrapper around node-cron that refuses to run
 * a job twice at once and logs each run's duration and outcome.
 *
 * Why under mappings/: the indexer and the API may not import each other and
 * share only this folder, and both need the same scheduler.
 *
 * Overlap: scheduled ticks use node-cron's own `noOverlap` (a tick that comes
 * while the previous scheduled run is going is skipped; its
 * `execution:overlap` event is logged here). node-cron 4.6's guard covers
 * only ticks against ticks: `task.execute()` bypasses it, and a tick during
 * an invoked run is not blocked (its `Runner.execute` does not record the
 * run). `runNow()` (the admin mutation, `npm start`'s first snapshot) and a
 * tick during it therefore check the one run this wrapper tracks, which it
 * needs anyway so that shutdown can abort and await it.
 */
import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';

/** What one run did: ran to the end, failed, or did not start because a run was going. */
export type JobOutcome =
  { status: 'ok'; ms: number } | { status: 'failed'; ms: number; error: string } | { status: 'skipped'; reason: 'still running' };

/** Where a job's lines go; the API's `Logger` is one, the indexer adapts its JSON-lines function. */
export interface JobLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

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
   * For shutdown (final: the schedule cannot start again): stops the
   * schedule, asks a running run to stop at its next safe point (its signal
   * aborts), and waits at most `timeoutMs` for it. Resolves true when no run
   * is going any more.
   */
  shutdown(timeoutMs: number): Promise<boolean>;
}

export interface JobDefinition {
  name: string;
  /** Cron expression (node-cron syntax; a leading seconds field is allowed). */
  expression: string;
  /** The run; `signal` aborts when the process shuts down (stop at a safe point: between batches). */
  run: (signal: AbortSignal) => Promise<unknown>;
  log: JobLog;
}

export function createJob({ name, expression, run, log }: JobDefinition): Job {
  if (!cron.validate(expression)) throw new Error(`job "${name}": "${expression}" is not a valid cron expression`);
  const skipped = (): JobOutcome => {
    log.warn(`job ${name}: skipped, the previous run is still going`, { job: name, outcome: 'skipped' });
    return { status: 'skipped', reason: 'still running' };
  };
  let running: Promise<JobOutcome> | null = null;
  let controller = new AbortController();

  const execute = async (): Promise<JobOutcome> => {
    const started = Date.now();
    try {
      await run(controller.signal);
      const ms = Date.now() - started;
      log.info(`job ${name}: ok in ${ms} ms`, { job: name, outcome: 'ok', ms });
      return { status: 'ok', ms };
    } catch (error) {
      const ms = Date.now() - started;
      const message = error instanceof Error ? error.message : String(error);
      log.error(`job ${name}: failed after ${ms} ms: ${message}`, { job: name, outcome: 'failed', ms, error: message });
      return { status: 'failed', ms, error: message };
    }
  };
  const runNow = (): Promise<JobOutcome> => {
    if (running) return Promise.resolve(skipped());
    const current = execute().finally(() => (running = null));
    running = current;
    return current;
  };

  // Every message node-cron would log itself is covered by the events below, but its errors still surface.
  const cronLog: CronLogger = {
    info: () => {},
    debug: () => {},
    warn: () => {},
    error: (message, error) => log.error(`job ${name}: node-cron: ${String(message)}`, { job: name, error: error?.message }),
  };
  // Created stopped: the process starts it when it is ready. The tick returns the run, so noOverlap sees how long it lasts.
  const task: ScheduledTask = cron.createTask(expression, runNow, { name, noOverlap: true, logger: cronLog });
  task.on('execution:overlap', () => void skipped());
  task.on('execution:missed', (context) =>
    log.warn(`job ${name}: missed the tick of ${context.date.toISOString()} (the process was blocked)`, { job: name, outcome: 'missed' }),
  );

  return {
    name,
    runNow,
    isRunning: () => running !== null,
    start: () => {
      controller = new AbortController();
      void task.start();
    },
    stop: () => void task.stop(),
    shutdown: async (timeoutMs) => {
      void task.destroy();
      controller.abort(new Error(`job ${name} stopped: the process is shutting down`));
      if (running) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs).unref()))]);
        clearTimeout(timer);
      }
      return running === null;
    },
  };
}
