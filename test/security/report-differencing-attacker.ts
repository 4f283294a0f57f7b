/**
 * The attacker of the skill-gap reports, as a pure function: knowing the
 * published method (noise -2..+2 per cell, rounding to 5, suppression below
 * the threshold; README "Report disclosure control") but not the secret, which
 * true counts are consistent with what was published?
 */
import { fromNoised, type PublishedCell } from '../support/report-disclosure.ts';

const MAX = 300;
const same = (a: PublishedCell, b: PublishedCell) => a.suppressed === b.suppressed && a.value === b.value;

/** A publication method as the attacker knows it: the possible noises and the rule applied to count + noise. */
export interface Method {
  noises: readonly number[];
  publish(noised: number): PublishedCell;
}

/** The documented method (the secret, hence each cell's noise, unknown). */
export const NOISED: Method = { noises: [-2, -1, 0, 1, 2], publish: (s) => fromNoised(s) };
/** The rule before: exact counts, 1 to 4 suppressed. */
export const EXACT: Method = {
  noises: [0],
  publish: (c) => (c >= 1 && c < 5 ? { value: null, suppressed: true } : { value: c, suppressed: false }),
};

let method: Method = NOISED;
/** Which method the attacker assumes. */
export function assume(m: Method): void {
  method = m;
}

/** True counts one published cell is consistent with. */
export function feasible(observed: PublishedCell): number[] {
  const out: number[] = [];
  for (let x = 0; x <= MAX; x++) if (method.noises.some((n) => same(method.publish(x + n), observed))) out.push(x);
  return out;
}

/** Hidden h with `observed[k]` published for h + k (the attacker added k earners of their own to the same cell). */
export function fromToggles(observed: readonly PublishedCell[]): number[] {
  const out: number[] = [];
  for (let x = 0; x <= MAX; x++) if (method.noises.some((n) => observed.every((o, k) => same(method.publish(x + k + n), o)))) out.push(x);
  return out;
}

/** Values of `part` consistent with `whole` = part + the other parts (each its own cell). */
export function fromSum(part: PublishedCell, others: readonly PublishedCell[], whole: PublishedCell): number[] {
  let rest = new Set([0]);
  for (const other of others) {
    const next = new Set<number>();
    for (const r of rest) for (const y of feasible(other)) if (r + y <= MAX) next.add(r + y);
    rest = next;
  }
  const totals = new Set(feasible(whole));
  return feasible(part).filter((x) => [...rest].some((r) => totals.has(x + r)));
}

/** The postings between two nested windows: wider minus narrower, each window its own cell, counts nested. */
export function fromWindows(narrower: PublishedCell, wider: PublishedCell): number[] {
  const out = new Set<number>();
  const wide = feasible(wider);
  for (const a of feasible(narrower)) for (const b of wide) if (b >= a) out.add(b - a);
  return [...out].sort((x, y) => x - y);
}
