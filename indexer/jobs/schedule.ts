/**
 * Scheduled jobs: a thin wrapper around node-cron that refuses to start a
 * run while the previous one is still going, and logs each run's duration
 * and outcome.
 */
import cron from 'node-cron';

export type JobOutcome =
  { status: 'ok'; ms: number } | { status: 'failed'; ms: number; error: string } | { status: 'skipped'; reason: 'still running' };

export interface Job {
  readonly name: string;
  /** Runs now unless a run is in progress (then returns `skipped`). */
  runNow(): Promise<JobOutcome>;
  isRunning(): boolean;
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
  /** The run; `signal` aborts when the process shuts down (stop at a safe point: between batches). */
  run: (signal: AbortSignal) => Promise<unknown>;
  log?: (line: string, fields?: Record<string, unknown>) => void;
}

export function createJob({ name, expression, run, log = (line) => console.log(line) }: JobDefinition): Job {
  if (!cron.validate(expression)) throw new Error(`job "${name}": "${expression}" is not a valid cron expression`);
  let running: Promise<unknown> | null = null;
  let controller = new AbortController();
  const runNow = async (): Promise<JobOutcome> => {
    if (running) {
      log(`job ${name}: skipped, the previous run is still going`, { job: name, outcome: 'skipped' });
      return { status: 'skipped', reason: 'still running' };
    }
    const started = Date.now();
    let done!: () => void;
    running = new Promise<void>((resolve) => (done = resolve));
    try {
      await run(controller.signal);
      const ms = Date.now() - started;
      log(`job ${name}: ok in ${ms} ms`, { job: name, outcome: 'ok', ms });
      return { status: 'ok', ms };
    } catch (error) {
      const ms = Date.now() - started;
      const message = error instanceof Error ? error.message : String(error);
      log(`job ${name}: failed after ${ms} ms: ${message}`, { job: name, outcome: 'failed', ms, error: message });
      return { status: 'failed', ms, error: message };
    } finally {
      running = null;
      done();
    }
  };
  const task = cron.createTask(expression, () => void runNow(), { name });
  const idle = () => running === null;
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
      void task.stop();
      controller.abort(new Error(`job ${name} stopped: the process is shutting down`));
      if (running) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
      return idle();
    },
  };
}
