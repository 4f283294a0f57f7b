/**
 * Abuse limits kept in this process's memory, per key ("account:<address>",
 * "ip:<address>"). Each check-and-count is one synchronous step, so parallel
 * requests cannot slip past a limit. Memory is bounded: the oldest keys go
 * first. (Several API processes each keep their own counts: put them behind
 * sticky routing by client IP, or divide the limits.)
 *
 * - `createBackoff`: failures beyond a free number block the key for a time
 *   that doubles with each further failure, up to a maximum; attempts while
 *   blocked are refused without counting, a success clears the key, and a key
 *   idle for long is forgotten. Nobody is locked out for good.
 * - `createWindowLimit`: at most N events (or items, with a cost) per key per fixed window.
 */

/** At most this many keys per limiter; beyond it the least recently touched are dropped. */
const MAX_KEYS = 100_000;

function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
}

export interface BackoffPolicy {
  /** Failures allowed before the first block. */
  freeFailures: number;
  /** Length of the first block; each further failure doubles it. */
  baseMs: number;
  maxMs: number;
}

interface BackoffState {
  failures: number;
  blockedUntil: number;
  lastFailure: number;
}

/** How long a key is blocked after `failures` failures: nothing while free, then base, 2 x base, ... up to max. Pure. */
export function backoffMs(failures: number, policy: BackoffPolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 40);
  return Math.min(policy.baseMs * 2 ** doublings, policy.maxMs);
}

export interface Backoff {
  /** When the key may try again, if it is blocked now. */
  blockedUntil(key: string, now: Date): Date | undefined;
  failed(key: string, now: Date): void;
  succeeded(key: string): void;
}

export function createBackoff(policy: BackoffPolicy): Backoff {
  const states = new Map<string, BackoffState>();
  // After this long without a failure a key starts again from zero.
  const forgetAfterMs = Math.max(policy.maxMs * 2, 3_600_000);
  const current = (key: string, now: number): BackoffState | undefined => {
    const state = states.get(key);
    if (state && now - state.lastFailure > forgetAfterMs && now >= state.blockedUntil) {
      states.delete(key);
      return undefined;
    }
    return state;
  };
  return {
    blockedUntil(key, now) {
      const state = current(key, now.getTime());
      return state && state.blockedUntil > now.getTime() ? new Date(state.blockedUntil) : undefined;
    },
    failed(key, now) {
      const at = now.getTime();
      const failures = (current(key, at)?.failures ?? 0) + 1;
      touch(states, key, { failures, blockedUntil: at + backoffMs(failures, policy), lastFailure: at });
    },
    succeeded(key) {
      states.delete(key);
    },
  };
}

export interface WindowLimit {
  /**
   * Counts `cost` (default one event) for every key, unless one of them would pass its limit: then counts
   * nothing and says when to retry.
   */
  take(keys: readonly { key: string; limit: number; cost?: number }[], now: Date): { allowed: true } | { allowed: false; retryAt: Date };
}

export function createWindowLimit(windowMs: number): WindowLimit {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(keys, now) {
      const at = now.getTime();
      const states = keys.map(({ key, limit, cost = 1 }) => {
        const window = windows.get(key);
        return { key, limit, cost, window: window && at - window.start < windowMs ? window : { start: at, count: 0 } };
      });
      const full = states.filter((s) => s.window.count + s.cost > s.limit);
      if (full.length > 0) return { allowed: false, retryAt: new Date(Math.max(...full.map((s) => s.window.start + windowMs))) };
      for (const s of states) touch(windows, s.key, { start: s.window.start, count: s.window.count + s.cost });
      return { allowed: true };
    },
  };
}
