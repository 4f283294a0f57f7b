/**
 * Searches per second under load, from autocannon: a bounded run against the
 * GraphQL endpoint and the same against the engine with the requests the API
 * sent, each connection cycling through every benchmark search. The engine
 * side replays the whole engine work of each search (its `_search`, then any
 * refinement `_msearch`), as the latency comparison does, so both sides do
 * the same searches; its searches/s is its answers/s scaled by searches per
 * request. Loopback only.
 */
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import type { CapturedSearch } from './capture.ts';
import { apiTarget, requestTarget, type HttpTarget } from './http-targets.ts';
import { percentile, ratio } from './stats.ts';

/** Seconds at the start of each run that are not counted. */
export const RAMP_SECONDS = 5;

export interface LoadResult {
  /** Searches answered well per second in the measured window (good answers/s times searches per request). */
  rps: number;
  /** Good HTTP answers per second (the engine side sends more than one request per search when it refines). */
  requestsPerSecond: number;
  /** Answers in the measured window. */
  answers: number;
  /** Non-2xx answers, connection errors, timeouts, or a 200 that carried an error (whole run). */
  failed: number;
  /** Latency of the window's answers, ms, as autocannon timed them. */
  latencyP50: number;
  latencyP99: number;
  /** The start of the first failed answer, to tell why. */
  firstFailure?: string;
}

export interface ThroughputComparison {
  connections: number;
  /** Measured window per side, after `rampSeconds` that are not counted. */
  seconds: number;
  rampSeconds: number;
  api: LoadResult;
  engine: LoadResult;
  /** API over engine requests per second. */
  ratio: number;
}

type Side = 'api' | 'engine';

/** A 200 can still be a failure: a GraphQL error, or an engine answer with timed-out or failed shards. */
const ANSWER_IS_GOOD: Record<Side, (body: string) => boolean> = {
  api: (body) => !body.includes('"errors":'),
  engine: (body) => body.includes('"timed_out":false') && body.includes('"failed":0'),
};

/**
 * Runs for ramp + seconds and counts only answers of the last `seconds`: at
 * 32 connections the first answers come in a burst after every queued
 * query phase, so a count from the start would measure the ramp.
 */
async function load(
  side: Side,
  targets: HttpTarget[],
  searches: number,
  connections: number,
  seconds: number,
  rampSeconds: number,
): Promise<LoadResult> {
  const answers: { at: number; ms: number; ok: boolean }[] = [];
  const bad: number[] = [];
  let firstFailure: string | undefined;
  const started = performance.now();
  // The promise autocannon returns is also its event emitter (the types only know the promise).
  const run = autocannon({
    url: new URL(targets[0]!.url).origin,
    connections,
    duration: rampSeconds + seconds,
    // At 32 connections a request waits behind 31 others; only a stuck one should count as failed.
    timeout: 60,
    requests: targets.map((t) => ({
      method: 'POST',
      path: new URL(t.url).pathname + new URL(t.url).search,
      headers: t.headers,
      body: t.body,
    })),
    verifyBody: (body) => {
      if (ANSWER_IS_GOOD[side](String(body))) return true;
      bad.push(performance.now());
      firstFailure ??= String(body).slice(0, 300);
      return false;
    },
  }) as Promise<autocannon.Result> & EventEmitter;
  run.on('response', (_client: unknown, status: number, _bytes: number, ms: number) =>
    answers.push({ at: performance.now(), ms, ok: status >= 200 && status < 300 }),
  );
  const result = await run;
  const from = started + rampSeconds * 1000;
  const window = answers.filter((a) => a.at >= from);
  const good = window.filter((a) => a.ok).length - bad.filter((at) => at >= from).length;
  const sorted = window.map((a) => a.ms).sort((a, b) => a - b);
  const perSecond = good / seconds;
  return {
    rps: Math.round(((perSecond * searches) / targets.length) * 10) / 10,
    requestsPerSecond: Math.round(perSecond * 10) / 10,
    answers: window.length,
    failed: result.non2xx + result.errors + result.mismatches,
    latencyP50: Math.round(percentile(sorted, 50)),
    latencyP99: Math.round(percentile(sorted, 99)),
    ...(firstFailure ? { firstFailure } : {}),
  };
}

const apiTargets = (apiUrl: string, searches: readonly CapturedSearch[]) => searches.map((s) => apiTarget(apiUrl, s));
/** Every engine request of every search, in the order the API sends them. */
const engineTargets = (engineUrl: string, searches: readonly CapturedSearch[]) =>
  searches.flatMap((s) => s.whole.map((request) => requestTarget(engineUrl, request)));

/** Before each run: wait until the previous run's leftover work is done. */
export type Settle = () => Promise<void>;

export async function compareThroughput(
  apiUrl: string,
  engineUrl: string,
  searches: readonly CapturedSearch[],
  connections: number,
  seconds: number,
  settle: Settle,
  rampSeconds = RAMP_SECONDS,
): Promise<ThroughputComparison> {
  await settle();
  const api = await load('api', apiTargets(apiUrl, searches), searches.length, connections, seconds, rampSeconds);
  await settle();
  const engine = await load('engine', engineTargets(engineUrl, searches), searches.length, connections, seconds, rampSeconds);
  return { connections, seconds, rampSeconds, api, engine, ratio: ratio(api.rps, engine.rps) };
}

/** A short untimed run on each side, so the first measured run does not pay for cold caches and JIT. */
export async function warmUp(apiUrl: string, engineUrl: string, searches: readonly CapturedSearch[]): Promise<void> {
  await load('api', apiTargets(apiUrl, searches), searches.length, 8, 3, 0);
  await load('engine', engineTargets(engineUrl, searches), searches.length, 8, 3, 0);
}
