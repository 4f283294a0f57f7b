/**
 * Timing side channels, measured so that a busy machine does not decide the
 * verdict: each sample is a pair (the two kinds of request back to back,
 * their order alternating), and the gap is the median of the pairs'
 * differences. A load burst slows one pair (an outlier the median ignores)
 * and a slow drift slows both halves of a pair alike, whereas a real
 * difference in the work done before answering shows in every pair.
 */

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(request: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await request();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export interface TimingGap {
  /** Median of (first kind - second kind) over the pairs, in milliseconds. */
  gapMs: number;
  /** Each kind's median, for the failure message. */
  firstMs: number;
  secondMs: number;
}

/**
 * Times `pairs` pairs of `first(i)` and `second(i)`; `settle` runs after every
 * request (background work finishes between samples, so it never overlaps one).
 */
export async function pairedTimingGap(
  pairs: number,
  first: (i: number) => Promise<void>,
  second: (i: number) => Promise<void>,
  settle: () => Promise<void>,
): Promise<TimingGap> {
  const firsts: number[] = [];
  const seconds: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? [first, second] : [second, first];
    const times: number[] = [];
    for (const request of order) {
      times.push(await timed(() => request(i)));
      await settle();
    }
    firsts.push(i % 2 === 0 ? times[0]! : times[1]!);
    seconds.push(i % 2 === 0 ? times[1]! : times[0]!);
  }
  return {
    gapMs: median(firsts.map((time, i) => time - seconds[i]!)),
    firstMs: median(firsts),
    secondMs: median(seconds),
  };
}
