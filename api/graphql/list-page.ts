/**
 * Every list field that can grow long takes `first` (default 20, at most 100)
 * and `offset`: a response never holds more than the caller asked for, and
 * the cost analysis (`operation-cost.ts`) multiplies by `first`. Pure.
 */
import { z } from 'zod';
import { parseInput } from './input-errors.ts';
import { orDefault, wholeNumber } from './input-rules.ts';

export const LIST_PAGE = { defaultFirst: 20, maxFirst: 100, maxOffset: 10_000 } as const;

/** The arguments of a paged list field as GraphQL passes them (defaults applied by the schema). */
export interface PageArgs {
  first?: number | null;
  offset?: number | null;
}

const pageSchema = z.object({
  first: orDefault(wholeNumber(1, LIST_PAGE.maxFirst), LIST_PAGE.defaultFirst),
  offset: orDefault(wholeNumber(0, LIST_PAGE.maxOffset), 0),
});

/** `first` and `offset` checked: a bad value names its argument. */
export function checkPage(args: PageArgs): { first: number; offset: number } {
  return parseInput(pageSchema, args);
}

/** The page of `items` the arguments ask for. */
export function pageOf<T>(items: readonly T[] | null | undefined, args: PageArgs): T[] {
  const { first, offset } = checkPage(args);
  return (items ?? []).slice(offset, offset + first);
}
