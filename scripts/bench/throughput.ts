/**
 * Requests per second under load, from autocannon: a bounded run against the
 * GraphQL endpoint and the same against the engine's `_search` with the
 * bodies the API sent, each connection cycling through every benchmark
 * search. Loopback only.
 */
import autocannon from 'autocannon';
import type { CapturedSearch } from './capture.ts';
import { apiTarget, engineTarget, type HttpTarget } from './http-targets.ts';
import { ratio } from './stats.ts';

export interface LoadResult {
  rps: number;
  requests: number;
  /** Responses that were not 2xx, connection errors, timeouts, or a 200 that carried an error. */
  failed: number;
  latencyP50: number;
  latencyP99: number;
}

export interface ThroughputComparison {
  connections: number;
  seconds: number;
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

async function load(side: Side, targets: HttpTarget[], connections: number, seconds: number): Promise<LoadResult> {
  const url = new URL(targets[0]!.url);
  const result = await autocannon({
    url: url.origin,
    connections,
    duration: seconds,
    requests: targets.map((t) => ({ method: 'POST', path: new URL(t.url).pathname + new URL(t.url).search, headers: t.headers, body: t.body })),
    verifyBody: (body) => ANSWER_IS_GOOD[side](String(body)),
  });
  const good = result['2xx'] - result.mismatches;
  return {
    rps: Math.round((good / result.duration) * 10) / 10,
    requests: result.requests.total,
    failed: result.non2xx + result.errors + result.mismatches,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
  };
}

export async function compareThroughput(apiUrl: string, engineUrl: string, searches: readonly CapturedSearch[], connections: number, seconds: number): Promise<ThroughputComparison> {
  const api = await load('api', searches.map((s) => apiTarget(apiUrl, s)), connections, seconds);
  const engine = await load('engine', searches.map((s) => engineTarget(engineUrl, s)), connections, seconds);
  return { connections, seconds, api, engine, ratio: ratio(api.rps, engine.rps) };
}

/** A short untimed run on each side, so the first measured run does not pay for cold caches and JIT. */
export async function warmUp(apiUrl: string, engineUrl: string, searches: readonly CapturedSearch[]): Promise<void> {
  await load('api', searches.map((s) => apiTarget(apiUrl, s)), 8, 3);
  await load('engine', searches.map((s) => engineTarget(engineUrl, s)), 8, 3);
}
