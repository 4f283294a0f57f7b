import { describe, expect, it } from 'vitest';
import { createJob } from '../../indexer/jobs/schedule.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scheduled jobs', () => {
  it('refuses to start a run while the previous one is going, and logs each outcome', async () => {
    const lines: string[] = [];
    let runs = 0;
    const job = createJob({
      name: 'slow',
      expression: '0 3 * * *',
      run: async () => {
        runs++;
        await sleep(200);
      },
      log: (l) => lines.push(l),
    });
    const [first, second] = await Promise.all([job.runNow(), job.runNow()]);
    expect(first.status).toBe('ok');
    expect(second).toEqual({ status: 'skipped', reason: 'still running' });
    expect(runs).toBe(1);
    expect(lines[0]).toBe('job slow: skipped, the previous run is still going');
    expect(lines[1]).toMatch(/^job slow: ok in \d+ ms$/);
    expect((await job.runNow()).status).toBe('ok');
    expect(runs).toBe(2);
  });

  it('reports a failed run and runs again next time', async () => {
    let n = 0;
    const job = createJob({
      name: 'flaky',
      expression: '* * * * *',
      run: async () => {
        if (n++ === 0) throw new Error('engine down');
      },
      log: () => {},
    });
    expect(await job.runNow()).toMatchObject({ status: 'failed', error: 'engine down' });
    expect(await job.runNow()).toMatchObject({ status: 'ok' });
  });

  it('fires on its cron schedule and skips ticks that would overlap', async () => {
    let started = 0;
    const lines: string[] = [];
    const job = createJob({
      name: 'tick',
      expression: '* * * * * *',
      run: async () => {
        started++;
        await sleep(2500);
      },
      log: (l) => lines.push(l),
    });
    job.start();
    await sleep(4200);
    job.stop();
    while (job.isRunning()) await sleep(100);
    expect(started).toBeGreaterThanOrEqual(1);
    expect(started).toBeLessThanOrEqual(2);
    expect(lines.filter((l) => l.includes('skipped')).length).toBeGreaterThanOrEqual(1);
  });

  it('names the job and the bad expression', () => {
    expect(() => createJob({ name: 'reverify', expression: 'every day', run: async () => {} })).toThrow(
      'job "reverify": "every day" is not a valid cron expression',
    );
  });
});
