/**
 * Every list field that can grow long takes `first` (default 20, at most 100)
 * and `offset`: a response never holds more than the caller asked for, and
 * the cost analysis (`operation-cost.ts`) multiplies by `first`. Pure.
 */
import { BadInputError } from '../errors.ts';

export const LIST_PAGE = { defaultFirst: 20, maxFirst: 100, maxOffset: 10_000 } as const;

/** The arguments of a paged list field as GraphQL passes them (defaults applied by the schema). */
export interface PageArgs {
  first?: number | null;
  offset?: number | null;
}

/** `first` and `offset` checked: a bad value names its argument. */
export function checkPage(args: PageArgs): { first: number; offset: number } {
  const first = args.first ?? LIST_PAGE.defaultFirst;
  const offset = args.offset ?? 0;
  if (!Number.isInteger(first) || first < 1 || first > LIST_PAGE.maxFirst)
    throw new BadInputError('first', `must be a whole number from 1 to ${LIST_PAGE.maxFirst}`);
  if (!Number.isInteger(offset) || offset < 0 || offset > LIST_PAGE.maxOffset)
    throw new BadInputError('offset', `must be a whole number from 0 to ${LIST_PAGE.maxOffset}`);
  return { first, offset };
}

/** The page of `items` the arguments ask for. */
export function pageOf<T>(items: readonly T[] | null | undefined, args: PageArgs): T[] {
  const { first, offset } = checkPage(args);
  return (items ?? []).slice(offset, offset + first);
}
