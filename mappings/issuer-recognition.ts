/**
 * Is a credential's issuer recognized? Decided only by what verification
 * proved (the credential's `authority`: the DIDs, key ids and web origins
 * whose keys or hosting actually vouched for it), matched against the issuer
 * registry. Names and ids written inside a credential count for nothing.
 * Shared by the indexer (at ingest, after imports) and the API (after an
 * admin approves or suspends an issuer). Pure.
 */
import type { QueryDslQueryContainer } from '@elastic/elasticsearch/lib/api/types';
import type { IssuerRegistryDocument } from './issuers.ts';

export const ISSUER_RECOGNITIONS = ['RECOGNIZED', 'UNKNOWN', 'SUSPENDED'] as const;
export type IssuerRecognition = (typeof ISSUER_RECOGNITIONS)[number];

/** What a credential carries about its issuer's standing. */
export interface RecognitionRecord {
  status: IssuerRecognition;
  /** The registry entry that matched (absent when none did). */
  entryId?: string;
  /** The registry's display name and image for the issuer (RECOGNIZED only). */
  name?: string;
  image?: string;
}

/** `https://host[:port]` of a URL, or undefined when it is not an http(s) URL. */
export function originOf(value: string): string | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/** The DID of a DID URL (`did:web:x#key-1` -> `did:web:x`). */
export function didOf(value: string): string | undefined {
  return value.startsWith('did:') ? value.split('#')[0]!.split('?')[0] : undefined;
}

/** Everything an entry controls: DIDs, key ids, and web origins or URL prefixes (`https://host/path/`). */
export function controlledBy(entry: Pick<IssuerRegistryDocument, 'dids' | 'keys' | 'origins' | 'ids'>): string[] {
  const dids = [...entry.dids, ...entry.ids.filter((id) => id.startsWith('did:'))];
  return [...new Set([...dids, ...entry.keys, ...entry.origins])];
}

/**
 * An http(s) URL as fetching it resolves it (dot segments, encoded or not,
 * removed; scheme and host in lower case), or undefined when it is not one.
 */
function resolvedUrl(value: string): URL | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * True when `controlled` covers the authority value `proven`: the same value,
 * the DID of a key id, the origin of a URL, or a URL prefix ending in `/`.
 * URLs are compared as they resolve, so `https://host/org1/../org2/key`
 * (fetched from org2) is not under `https://host/org1/`.
 */
export function covers(controlled: string, proven: string): boolean {
  if (controlled === proven || controlled === didOf(proven)) return true;
  const control = resolvedUrl(controlled);
  const proof = resolvedUrl(proven);
  if (control === undefined || proof === undefined) return false;
  if (control.href === proof.href) return true;
  const withPath = control.href.slice(control.origin.length);
  if (withPath === '/') return proof.origin === control.origin;
  return withPath.endsWith('/') && proof.href.startsWith(control.href);
}

/** True when the entry controls one of the authority values. */
export function entryControls(
  entry: Pick<IssuerRegistryDocument, 'dids' | 'keys' | 'origins' | 'ids'>,
  authority: readonly string[],
): boolean {
  const controlled = controlledBy(entry);
  return authority.some((proven) => controlled.some((c) => covers(c, proven)));
}

/**
 * The first entry (most authoritative registry first) that controls one of
 * the authority values decides: RECOGNIZED or SUSPENDED as the entry says,
 * UNKNOWN for a PENDING entry or no entry. No authority (a credential that did
 * not verify, an import): UNKNOWN.
 */
export function recognize(authority: readonly string[], registry: readonly IssuerRegistryDocument[]): RecognitionRecord {
  if (authority.length === 0) return { status: 'UNKNOWN' };
  const entry = [...registry].sort(byAuthority).find((e) => entryControls(e, authority));
  if (!entry) return { status: 'UNKNOWN' };
  if (entry.status === 'RECOGNIZED')
    return { status: 'RECOGNIZED', entryId: entry.id, name: entry.name, ...(entry.image ? { image: entry.image } : {}) };
  return { status: entry.status === 'SUSPENDED' ? 'SUSPENDED' : 'UNKNOWN', entryId: entry.id };
}

/** Registry order: lower rank (more authoritative) first, seen-only entries last, then by id for stability. */
export function byAuthority(a: IssuerRegistryDocument, b: IssuerRegistryDocument): number {
  const rank = (e: IssuerRegistryDocument) => (e.provenance.format === 'seen' ? Number.MAX_SAFE_INTEGER : e.provenance.rank);
  return rank(a) - rank(b) || a.id.localeCompare(b.id);
}

/** The label employers read next to a badge whose issuer is not recognized. */
export function recognitionNotice(status: IssuerRecognition): string | undefined {
  return status === 'RECOGNIZED' ? undefined : 'issuer not recognized';
}

/**
 * Credentials whose recognition an entry's change may alter: those it
 * matched before (by entry id) and those whose proven authority it covers
 * now (DIDs and keys exactly, key ids under a DID, URLs under an origin or prefix).
 */
export function affectedCredentialsQuery(
  entry: Pick<IssuerRegistryDocument, 'id' | 'dids' | 'keys' | 'origins' | 'ids'>,
): QueryDslQueryContainer {
  const controlled = controlledBy(entry);
  const exact = controlled.filter((c) => !/^https?:\/\//i.test(c));
  const prefixes = [
    ...controlled.filter((c) => /^https?:\/\//i.test(c)).map((c) => (originOf(c) === c.replace(/\/$/, '') ? `${originOf(c)}/` : c)),
    ...exact.filter((c) => c.startsWith('did:')).map((did) => `${did}#`),
  ];
  return {
    bool: {
      should: [
        { term: { 'issuerRecognition.entryId': entry.id } },
        ...(exact.length > 0 ? [{ terms: { authority: exact } }] : []),
        ...prefixes.map((p) => ({ prefix: { authority: p } })),
      ],
      minimum_should_match: 1,
    },
  };
}
