/**
 * Timing side channels, measured so that a busy machine does not decide the
 * verdict:
 * - what is timed is how long the server takes to answer: from the request's
 *   arrival to its last byte handed to the network. That is the server's
 *   share of what a remote attacker sees. Timed at the client instead, the
 *   test's own event loop (shared with the API in a test) would also count
 *   the work the server does after answering, which no remote client waits
 *   for;
 * - each sample is a pair (the two kinds of request back to back, their order
 *   alternating), and the gap is the median of the pairs' differences. A load
 *   burst slows one pair (an outlier the median ignores) and a slow drift
 *   slows both halves of a pair alike, whereas a real difference in the work
 *   done before answering shows in every pair.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { expect } from 'vitest';

/** How far apart (in ms) the two kinds' answer times may be: the leaks these tests guard against were 8 ms and more. */
const SAME_TIME_MS = 3;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs `request` and returns how long `server` took to answer it, in milliseconds. */
async function answerTime(server: Server, request: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  // First among the listeners, so the clock starts before the application sees the request.
  const onRequest = (_: IncomingMessage, response: ServerResponse) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => times.push(Number(process.hrtime.bigint() - started) / 1e6));
  };
  server.prependListener('request', onRequest);
  try {
    await request();
  } finally {
    server.off('request', onRequest);
  }
  if (times.length !== 1) throw new Error(`expected the server to answer one request, it answered ${times.length}`);
  return times[0]!;
}

/**
 * Fails unless `server` answers `first(i)` and `second(i)` in the same time (the median of `pairs` paired
 * differences within SAME_TIME_MS), after one warm-up request of the second kind. `settle` runs after every
 * request (background work finishes between samples, so it never overlaps one).
 */
export async function expectSameAnswerTime(
  server: Server,
  pairs: number,
  first: (i: number) => Promise<void>,
  second: (i: number) => Promise<void>,
  settle: () => Promise<void>,
): Promise<void> {
  await second(pairs);
  await settle();
  const firsts: number[] = [];
  const seconds: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? [first, second] : [second, first];
    const times: number[] = [];
    for (const request of order) {
      times.push(await answerTime(server, () => request(i)));
      await settle();
    }
    firsts.push(i % 2 === 0 ? times[0]! : times[1]!);
    seconds.push(i % 2 === 0 ? times[1]! : times[0]!);
  }
  // Each kind's median too, for the failure message.
  const timing = { gapMs: median(firsts.map((time, i) => time - seconds[i]!)), firstMs: median(firsts), secondMs: median(seconds) };
  expect({ ...timing, apart: Math.abs(timing.gapMs) < SAME_TIME_MS }).toMatchObject({ apart: true });
}
