/**
 * Scheduled jobs: a thin wrapper around node-cron that refuses to start a
 * run while the previous one is still going, and logs each run's duration
 * and outcome.
 */
import cron from 'node-cron';

export type JobOutcome = { status: 'ok'; ms: number } | { status: 'failed'; ms: number; error: string } | { status: 'skipped'; reason: 'still running' };

export interface Job {
  readonly name: string;
  /** Runs now unless a run is in progress (then returns `skipped`). */
  runNow(): Promise<JobOutcome>;
  isRunning(): boolean;
  start(): void;
  stop(): void;
}

export interface JobDefinition {
  name: string;
  /** Cron expression (node-cron syntax; a leading seconds field is allowed). */
  expression: string;
  run: () => Promise<unknown>;
  log?: (line: string, fields?: Record<string, unknown>) => void;
}

export function createJob({ name, expression, run, log = (line) => console.log(line) }: JobDefinition): Job {
  if (!cron.validate(expression)) throw new Error(`job "${name}": "${expression}" is not a valid cron expression`);
  let running = false;
  const runNow = async (): Promise<JobOutcome> => {
    if (running) {
      log(`job ${name}: skipped, the previous run is still going`, { job: name, outcome: 'skipped' });
      return { status: 'skipped', reason: 'still running' };
    }
    running = true;
    const started = Date.now();
    try {
      await run();
      const ms = Date.now() - started;
      log(`job ${name}: ok in ${ms} ms`, { job: name, outcome: 'ok', ms });
      return { status: 'ok', ms };
    } catch (error) {
      const ms = Date.now() - started;
      const message = error instanceof Error ? error.message : String(error);
      log(`job ${name}: failed after ${ms} ms: ${message}`, { job: name, outcome: 'failed', ms, error: message });
      return { status: 'failed', ms, error: message };
    } finally {
      running = false;
    }
  };
  const task = cron.createTask(expression, () => void runNow(), { name });
  return {
    name,
    runNow,
    isRunning: () => running,
    start: () => void task.start(),
    stop: () => void task.stop(),
  };
}
