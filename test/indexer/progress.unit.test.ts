import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, progressLine } from '../../indexer/ingest/progress.ts';

describe('progress', () => {
  it('shows a bar with count, rate and ETA when the total is known', () => {
    expect(progressLine('ingest', 250, 1000, 5, 8)).toBe('ingest [==      ] 250/1000 50/s ETA 15s');
    expect(progressLine('ingest', 42, undefined, 10)).toBe('ingest: 42 4.2/s');
    expect(formatDuration(65)).toBe('1m 05s');
  });

  it('redraws one line on a terminal and logs plain lines every few seconds otherwise', () => {
    let clock = 0;
    const tty: string[] = [];
    const t = createProgress({ label: 'x', total: 10, isTTY: true, write: (s) => tty.push(s), now: () => clock });
    clock = 1000;
    t.update(5);
    t.finish();
    expect(tty[0]).toMatch(/^\rx \[/);
    expect(tty.at(-1)).toMatch(/\n$/);

    const log: string[] = [];
    const p = createProgress({ label: 'x', total: 10, isTTY: false, write: (s) => log.push(s), now: () => clock, logEverySeconds: 5 });
    clock = 2000;
    p.update(1); // too soon for a line
    clock = 7000;
    p.update(6);
    expect(log).toEqual(['x [==============          ] 6/10 1.0/s ETA 4s\n']);
  });
});

describe('the end of a run', () => {
  it('does not repeat the last plain line', () => {
    let clock = 0;
    const log: string[] = [];
    const p = createProgress({ label: 'x', total: 10, isTTY: false, write: (s) => log.push(s), now: () => clock, logEverySeconds: 1 });
    clock = 2000;
    p.update(10);
    p.finish();
    expect(log).toEqual(['x [========================] 10/10 5.0/s ETA 0s\n']);
  });
});
