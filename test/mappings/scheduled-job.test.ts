/**
 * The one scheduler both the indexer and the API use, with real node-cron
 * driven by fake timers (node-cron schedules with setTimeout and reads the
 * clock with Date, both of which vitest fakes): no test waits on the wall clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJob, type Job, type JobLog } from '../../mappings/runtime/scheduled-job.ts';

interface Line {
  level: 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown>;
}

function recorder(): { lines: Line[]; log: JobLog } {
  const lines: Line[] = [];
  const at =
    (level: Line['level']) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      lines.push({ level, msg, fields });
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } };
}

/** A run the test finishes by hand, counting how often it started. */
function heldRun() {
  let release: () => void = () => {};
  const run = {
    started: 0,
    signals: [] as AbortSignal[],
    finish: () => release(),
    fn: (signal: AbortSignal) => {
      run.started++;
      run.signals.push(signal);
      return new Promise<void>((resolve) => (release = resolve));
    },
  };
  return run;
}

const outcomes = (lines: Line[]) => lines.map((l) => l.fields.outcome);
const jobs: Job[] = [];
const track = (job: Job) => (jobs.push(job), job);

beforeEach(() => {
  // Half a second past a whole second, so the every-second schedule's ticks fall at +500 ms, +1,500 ms, ...
  vi.useFakeTimers({ now: new Date('2026-03-02T08:00:00.500Z') });
});
afterEach(async () => {
  for (const job of jobs.splice(0)) void job.shutdown(0);
  await vi.runOnlyPendingTimersAsync();
  vi.useRealTimers();
});

describe('scheduled jobs (mappings/runtime/scheduled-job.ts)', () => {
  it('runNow refuses a second run while one is going, and logs each outcome with its duration', async () => {
    const { lines, log } = recorder();
    const run = heldRun();
    const job = track(createJob({ name: 'slow', expression: '0 3 * * *', run: run.fn, log }));
    const first = job.runNow();
    expect(job.isRunning()).toBe(true);
    expect(await job.runNow()).toEqual({ status: 'skipped', reason: 'still running' });
    await vi.advanceTimersByTimeAsync(250);
    run.finish();
    expect(await first).toEqual({ status: 'ok', ms: 250 });
    expect(job.isRunning()).toBe(false);
    expect(run.started).toBe(1);
    expect(lines).toEqual([
      { level: 'warn', msg: 'job slow: skipped, the previous run is still going', fields: { job: 'slow', outcome: 'skipped' } },
      { level: 'info', msg: 'job slow: ok in 250 ms', fields: { job: 'slow', outcome: 'ok', ms: 250 } },
    ]);
    const again = job.runNow();
    run.finish();
    expect((await again).status).toBe('ok');
    expect(run.started).toBe(2);
  });

  it('reports a failed run with its cause, and runs again next time', async () => {
    const { lines, log } = recorder();
    let n = 0;
    const job = track(
      createJob({
        name: 'flaky',
        expression: '* * * * *',
        run: async () => {
          if (n++ === 0) throw new Error('engine down');
        },
        log,
      }),
    );
    expect(await job.runNow()).toEqual({ status: 'failed', ms: 0, error: 'engine down' });
    expect(lines[0]).toEqual({
      level: 'error',
      msg: 'job flaky: failed after 0 ms: engine down',
      fields: { job: 'flaky', outcome: 'failed', ms: 0, error: 'engine down' },
    });
    expect(await job.runNow()).toEqual({ status: 'ok', ms: 0 });
  });

  it('fires on its cron schedule; ticks during a scheduled run are skipped by node-cron (noOverlap) and logged', async () => {
    const { lines, log } = recorder();
    const run = heldRun();
    const job = track(createJob({ name: 'tick', expression: '* * * * * *', run: run.fn, log }));
    job.start();
    await vi.advanceTimersByTimeAsync(499);
    expect(run.started).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run.started).toBe(1);
    expect(job.isRunning()).toBe(true);
    await vi.advanceTimersByTimeAsync(2000); // two more ticks while the run holds
    expect(run.started).toBe(1);
    expect(outcomes(lines)).toEqual(['skipped', 'skipped']);
    run.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(lines.at(-1)).toEqual({ level: 'info', msg: 'job tick: ok in 2000 ms', fields: { job: 'tick', outcome: 'ok', ms: 2000 } });
    await vi.advanceTimersByTimeAsync(1000); // the next tick runs again
    expect(run.started).toBe(2);
    job.stop();
    run.finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(run.started).toBe(2);
    expect(outcomes(lines)).toEqual(['skipped', 'skipped', 'ok', 'ok']);
  });

  it('a tick during an on-demand run is skipped, and so is an on-demand run during a scheduled one', async () => {
    const { lines, log } = recorder();
    const run = heldRun();
    const job = track(createJob({ name: 'both', expression: '* * * * * *', run: run.fn, log }));
    const onDemand = job.runNow();
    job.start();
    await vi.advanceTimersByTimeAsync(500);
    expect(run.started).toBe(1);
    expect(outcomes(lines)).toEqual(['skipped']);
    run.finish();
    expect((await onDemand).status).toBe('ok');

    await vi.advanceTimersByTimeAsync(1000); // a scheduled run starts
    expect(run.started).toBe(2);
    expect(await job.runNow()).toEqual({ status: 'skipped', reason: 'still running' });
    expect(run.started).toBe(2);
    run.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes(lines)).toEqual(['skipped', 'ok', 'skipped', 'ok']);
  });

  it('shutdown stops the schedule, aborts the running run and waits for it', async () => {
    const { lines, log } = recorder();
    const job = track(
      createJob({
        name: 'polite',
        expression: '* * * * * *',
        run: (signal) =>
          new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })),
        log,
      }),
    );
    job.start();
    await vi.advanceTimersByTimeAsync(500);
    expect(job.isRunning()).toBe(true);
    expect(await job.shutdown(10_000)).toBe(true);
    expect(lines.at(-1)?.fields).toEqual({
      job: 'polite',
      outcome: 'failed',
      ms: 0,
      error: 'job polite stopped: the process is shutting down',
    });
    const count = lines.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(lines.length).toBe(count);
  });

  it('shutdown gives up after its timeout on a run that ignores the signal', async () => {
    const { log } = recorder();
    const run = heldRun();
    const job = track(createJob({ name: 'stubborn', expression: '* * * * * *', run: run.fn, log }));
    job.start();
    await vi.advanceTimersByTimeAsync(500);
    const stopped = job.shutdown(3000);
    expect(run.signals[0]?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(2999);
    let settled = false;
    void stopped.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await stopped).toBe(false);
    run.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(job.isRunning()).toBe(false);
    expect(run.started).toBe(1);
  });

  it('names the job and the bad expression', () => {
    const { log } = recorder();
    expect(() => createJob({ name: 'reverify', expression: 'every day', run: async () => {}, log })).toThrow(
      'job "reverify": "every day" is not a valid cron expression',
    );
  });
});
