/** `BadgeClassSearchInput` checked: bounded lists, lengths and page size; an offset cursor. Pure. */
import { normalizeRegion } from '../../mappings/regions.ts';
import { BadInputError } from '../errors.ts';

export const CATALOG_LIMITS = {
  defaultPageSize: 20,
  maxPageSize: 50,
  maxTextLength: 200,
  maxFilterValues: 20,
  maxIdLength: 500,
  /** The engine's result window: deeper pages are refused. */
  maxOffset: 1000,
  facetSize: 20,
} as const;

export interface BadgeClassSearchArgs {
  text?: string | null;
  skills?: readonly string[] | null;
  issuers?: readonly string[] | null;
  credentialTypes?: readonly string[] | null;
  pathways?: readonly string[] | null;
  issuerRegions?: readonly string[] | null;
  first?: number | null;
  after?: string | null;
}

export interface CatalogQuery {
  text: string | null;
  skills: string[];
  issuers: string[];
  credentialTypes: string[];
  pathways: string[];
  /** Region codes (US-OH) of the issuers. */
  issuerRegions: string[];
  first: number;
  offset: number;
}

export function encodeCatalogCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

function decodeCursor(after: string): number {
  const bad = () => new BadInputError('after', 'not a cursor returned by searchBadgeClasses; start again without "after"');
  if (after.length > 200 || !/^[A-Za-z0-9_-]+$/.test(after)) throw bad();
  try {
    const { o } = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > CATALOG_LIMITS.maxOffset) throw bad();
    return o;
  } catch {
    throw bad();
  }
}

function list(argument: string, values: readonly string[] | null | undefined): string[] {
  const clean = [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
  if (clean.length > CATALOG_LIMITS.maxFilterValues) throw new BadInputError(argument, `at most ${CATALOG_LIMITS.maxFilterValues} values`);
  for (const value of clean)
    if (value.length > CATALOG_LIMITS.maxIdLength)
      throw new BadInputError(argument, `each value at most ${CATALOG_LIMITS.maxIdLength} characters`);
  return clean;
}

export function parseCatalogInput(input: BadgeClassSearchArgs): CatalogQuery {
  const text = input.text?.trim() || null;
  if (text && text.length > CATALOG_LIMITS.maxTextLength)
    throw new BadInputError('text', `at most ${CATALOG_LIMITS.maxTextLength} characters`);
  const first = input.first ?? CATALOG_LIMITS.defaultPageSize;
  if (!Number.isInteger(first) || first < 1 || first > CATALOG_LIMITS.maxPageSize)
    throw new BadInputError('first', `must be a whole number from 1 to ${CATALOG_LIMITS.maxPageSize}`);
  const offset = input.after ? decodeCursor(input.after) : 0;
  if (offset + first > CATALOG_LIMITS.maxOffset + CATALOG_LIMITS.maxPageSize)
    throw new BadInputError('after', 'too deep: narrow the search instead of paging further');
  return {
    text,
    skills: list('skills', input.skills),
    issuers: list('issuers', input.issuers),
    credentialTypes: list('credentialTypes', input.credentialTypes),
    pathways: list('pathways', input.pathways),
    issuerRegions: list('issuerRegions', input.issuerRegions).map((value) => {
      const code = normalizeRegion(value);
      if (!code) throw new BadInputError('issuerRegions', `"${value.slice(0, 40)}" is not a known region code (use e.g. US-OH)`);
      return code;
    }),
    first,
    offset,
  };
}
