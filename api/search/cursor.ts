/**
 * Opaque page cursors: base64url JSON of the sort key and the last hit's sort
 * values. Decoding checks the shape, so a forged or stale cursor is a clean
 * BAD_USER_INPUT, never an engine error.
 */

export type EarnerSort = 'RELEVANCE' | 'RECENT';

/** `search_after` values: the primary sort value (score or date millis), then the earner id tiebreak. */
export type SortValues = [number, string];

export function encodeCursor(sort: EarnerSort, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values }), 'utf8').toString('base64url');
}

/** The sort values a cursor holds, or what is wrong with it (the input schema names the argument). */
export function decodeCursor(cursor: string, sort: EarnerSort): SortValues | { problem: string } {
  const forged = { problem: 'not a cursor returned by this API' };
  if (cursor.length === 0 || cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return forged;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return forged;
  }
  const { s, v } = (parsed ?? {}) as { s?: unknown; v?: unknown };
  // Only a cursor of another sort order is told so; anything else (null, no sort) was never a cursor.
  if (s !== 'RELEVANCE' && s !== 'RECENT') return forged;
  if (s !== sort) return { problem: 'the cursor belongs to a different sort order; start again without "after"' };
  if (
    !Array.isArray(v) ||
    v.length !== 2 ||
    typeof v[0] !== 'number' ||
    !Number.isFinite(v[0]) ||
    typeof v[1] !== 'string' ||
    v[1] === ''
  ) {
    return forged;
  }
  return [v[0], v[1]];
}
