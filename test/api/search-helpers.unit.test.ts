/**
 * The search layer's small pure helpers, without an engine: page cursors,
 * the "issued within N months" cut-off, and the exact-count refinement of
 * facets whose first pass gave upper bounds.
 */
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../api/search/cursor.ts';
import { monthsAgo } from '../../api/search/dates.ts';
import type { FacetPlan } from '../../api/search/facet-aggregations.ts';
import {
  applyRefinement,
  isSettled,
  REFINE_CHUNK,
  refinedValues,
  startRefinement,
  type Refinement,
} from '../../api/search/facet-refinement.ts';
import { FACETS } from '../../api/search/facets.ts';

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('page cursors', () => {
  it('round-trip the sort values of the last hit', () => {
    const cursor = encodeCursor('RECENT', [1_780_000_000_000, 'earner-42']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'RECENT')).toEqual([1_780_000_000_000, 'earner-42']);
    expect(decodeCursor(encodeCursor('RELEVANCE', [3.25, 'e-1']), 'RELEVANCE')).toEqual([3.25, 'e-1']);
  });

  it('refuse a cursor of another sort order, saying to start again', () => {
    const cursor = encodeCursor('RELEVANCE', [1.5, 'e-1']);
    expect(decodeCursor(cursor, 'RECENT')).toEqual({
      problem: 'the cursor belongs to a different sort order; start again without "after"',
    });
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['too long', 'a'.repeat(2001)],
    ['not JSON', base64url('{not json')],
    ['JSON null', base64url('null')],
    ['no values', base64url('{"s":"RECENT"}')],
    ['one value', base64url('{"s":"RECENT","v":[1]}')],
    ['three values', base64url('{"s":"RECENT","v":[1,"a","b"]}')],
    ['a string sort value', base64url('{"s":"RECENT","v":["1","a"]}')],
    ['an empty tiebreak', base64url('{"s":"RECENT","v":[1,""]}')],
    ['a numeric tiebreak', base64url('{"s":"RECENT","v":[1,2]}')],
    // JSON has no Infinity: 1e999 parses to it, and must not reach the engine.
    ['an infinite sort value', base64url('{"s":"RECENT","v":[1e999,"a"]}')],
  ])('refuse a forged cursor (%s), saying it is not a cursor of this API', (_case, cursor) => {
    expect(decodeCursor(cursor, 'RECENT')).toEqual({ problem: 'not a cursor returned by this API' });
  });
});

describe('monthsAgo (issued within the last N months)', () => {
  it('is midnight UTC of the same day N calendar months before, whatever the time of day', () => {
    expect(monthsAgo(new Date('2026-06-15T23:59:59.999Z'), 6)).toBe('2025-12-15T00:00:00.000Z');
    expect(monthsAgo(new Date('2026-06-15T00:00:00.000Z'), 12)).toBe('2025-06-15T00:00:00.000Z');
    expect(monthsAgo(new Date('2026-01-10T08:00:00Z'), 24)).toBe('2024-01-10T00:00:00.000Z');
  });

  it('counts calendar months across year ends and leap days', () => {
    expect(monthsAgo(new Date('2026-02-01T12:00:00Z'), 6)).toBe('2025-08-01T00:00:00.000Z');
    expect(monthsAgo(new Date('2026-12-31T12:00:00Z'), 12)).toBe('2025-12-31T00:00:00.000Z');
    expect(monthsAgo(new Date('2028-02-29T12:00:00Z'), 48)).toBe('2024-02-29T00:00:00.000Z');
  });

  it('clamps to the last day of a shorter month (Aug 31 - 6 months is the end of February, not Mar 3)', () => {
    expect(monthsAgo(new Date('2026-08-31T18:00:00Z'), 6)).toBe('2026-02-28T00:00:00.000Z');
    expect(monthsAgo(new Date('2028-08-31T18:00:00Z'), 6)).toBe('2028-02-29T00:00:00.000Z');
    expect(monthsAgo(new Date('2027-01-31T00:30:00Z'), 2)).toBe('2026-11-30T00:00:00.000Z');
  });
});

describe('facet refinement (exact counts after upper bounds)', () => {
  const skills = FACETS.find((f) => f.id === 'skills')!;
  const issued = FACETS.find((f) => f.id === 'issued')!;
  const plan = (size: number, facet = skills): FacetPlan => ({ facet, clauses: [], exact: false, flat: false, size });
  /** The engine's `filters` answer for a chunk: bucket `c<i>` per candidate. */
  const answer = (counts: number[]) => ({
    values: { buckets: Object.fromEntries(counts.map((count, i) => [`c${i}`, { doc_count: count }])) },
  });

  it('counts candidates highest upper bound first, ties by value', () => {
    const r = startRefinement(plan(2), [
      { value: 'b', upperBound: 5 },
      { value: 'c', upperBound: 9 },
      { value: 'a', upperBound: 5 },
    ]);
    expect(r.remaining.map((c) => c.value)).toEqual(['c', 'a', 'b']);
    expect(r.counted).toEqual([]);
    expect(isSettled(r)).toBe(false);
  });

  it('folds a chunk answer in: exact counts, labels kept, a missing bucket is zero', () => {
    const r = startRefinement(plan(2), [
      { value: 'x', label: 'X-ray welding', upperBound: 9 },
      { value: 'y', upperBound: 7 },
      { value: 'z', upperBound: 6 },
    ]);
    const next = applyRefinement(r, { values: { buckets: { c0: { doc_count: 4 }, c1: { doc_count: 7 } } } });
    expect(next.counted).toEqual([
      { value: 'x', label: 'X-ray welding', count: 4 },
      { value: 'y', count: 7 },
      { value: 'z', count: 0 },
    ]);
    expect(next.remaining).toEqual([]);
    expect(isSettled(next)).toBe(true);
    // Zero counts are dropped; the top `size` by count.
    expect(refinedValues(next)).toEqual([
      { value: 'y', count: 7 },
      { value: 'x', label: 'X-ray welding', count: 4 },
    ]);
  });

  it('is settled only when the top values beat every uncounted upper bound', () => {
    const candidates = Array.from({ length: REFINE_CHUNK + 2 }, (_, i) => ({
      value: `v${String(i).padStart(3, '0')}`,
      upperBound: 1000 - i,
    }));
    const first = applyRefinement(startRefinement(plan(2), candidates), answer(Array.from({ length: REFINE_CHUNK }, () => 1)));
    // Two values of count 1 are counted, but 800 and 799 earners may still hold the two uncounted ones.
    expect(first.remaining.map((c) => c.upperBound)).toEqual([1000 - REFINE_CHUNK, 999 - REFINE_CHUNK]);
    expect(isSettled(first)).toBe(false);

    const strong: Refinement = { ...first, counted: [...first.counted, { value: 'w', count: 900 }, { value: 'q', count: 801 }] };
    expect(isSettled(strong)).toBe(true);
    // Equal to an upper bound is not enough: that candidate could tie and win on its value.
    const tied: Refinement = {
      ...first,
      counted: [
        { value: 'w', count: 900 },
        { value: 'q', count: 800 },
      ],
    };
    expect(isSettled(tied)).toBe(false);
  });

  it('orders equal counts by value, and date buckets by their months', () => {
    const terms = applyRefinement(
      startRefinement(plan(3), [
        { value: 'b', upperBound: 3 },
        { value: 'a', upperBound: 3 },
        { value: 'c', upperBound: 3 },
      ]),
      answer([2, 2, 5]),
    );
    expect(refinedValues(terms).map((v) => [v.value, v.count])).toEqual([
      ['c', 5],
      ['a', 2],
      ['b', 2],
    ]);

    const dates = applyRefinement(
      startRefinement(plan(3, issued), [
        { value: '24', upperBound: 9 },
        { value: '12', upperBound: 9 },
        { value: '6', upperBound: 9 },
      ]),
      answer([9, 4, 2]),
    );
    expect(refinedValues(dates).map((v) => v.value)).toEqual(['6', '12', '24']);
  });
});
