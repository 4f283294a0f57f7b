/**
 * Opaque page cursors: base64url JSON of the sort key and the last hit's sort
 * values. Decoding checks the shape, so a forged or stale cursor is a clean
 * BAD_USER_INPUT, never an engine error.
 */
import { BadInputError } from '../errors.ts';

export type EarnerSort = 'RELEVANCE' | 'RECENT';

/** `search_after` values: the primary sort value (score or date millis), then the earner id tiebreak. */
export type SortValues = [number, string];

export function encodeCursor(sort: EarnerSort, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, sort: EarnerSort, argument = 'after'): SortValues {
  const bad = (problem: string) => new BadInputError(argument, problem);
  if (cursor.length === 0 || cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad('not a cursor returned by this API');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a cursor returned by this API');
  }
  const { s, v } = (parsed ?? {}) as { s?: unknown; v?: unknown };
  // Only a cursor of another sort order is told so; anything else (null, no sort) was never a cursor.
  if (s !== 'RELEVANCE' && s !== 'RECENT') throw bad('not a cursor returned by this API');
  if (s !== sort) throw bad(`the cursor belongs to a different sort order; start again without "${argument}"`);
  if (
    !Array.isArray(v) ||
    v.length !== 2 ||
    typeof v[0] !== 'number' ||
    !Number.isFinite(v[0]) ||
    typeof v[1] !== 'string' ||
    v[1] === ''
  ) {
    throw bad('not a cursor returned by this API');
  }
  return [v[0], v[1]];
}
