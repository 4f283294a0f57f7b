/**
 * Fetches remote documents (hosted assertions, issuer profiles, keys, DID
 * documents, revocation and status lists). URLs matching a `--resolve`
 * mapping are read from local files; everything else goes over HTTP(S)
 * through `safeFetch` (public addresses only unless allowed, redirects
 * re-checked, a timeout and a size limit). Successful fetches are cached
 * (bounded TTL and size).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../sources/limits.ts';
import { safeFetch } from '../net/safe-fetch.ts';
import { BoundedCache } from './cache.ts';
import { errorCode, httpStatusIn, isMissing, isMissingStatus } from './fetch-errors.ts';

/** Maps URLs onto local files: a prefix ending in `/` maps onto a folder, any other prefix is one exact URL mapped onto one file. */
export interface ResolveMapping {
  prefix: string;
  /** A folder (for a prefix ending in `/`) or a file. */
  target: string;
}

/** Outcome of one fetch; never thrown. */
export type Fetched =
  { ok: true; url: string; text: string } | { ok: false; url: string; error: string; missing?: boolean; status?: number; body?: string };

/** What verification code needs from the outside world. */
export interface Resolver {
  fetchText(url: string): Promise<Fetched>;
}

/** Settings of `createResolver`. */
export interface ResolverOptions {
  /** URL-to-file mappings, tried before the network (longest prefix wins). */
  mappings?: ResolveMapping[];
  /** Set false to refuse every URL that no mapping covers (tests, offline runs). Default true. */
  allowNetwork?: boolean;
  /**
   * Development allowance: `host:port` entries (parsed by `parseAllowHosts`)
   * that may be reached although they are loopback or private addresses.
   * Default none: only public addresses are fetched.
   */
  allowHosts?: readonly string[];
  /** HTTP timeout per request. Default 10 s. */
  timeoutMs?: number;
  /** Largest response body accepted. Default `MAX_DOCUMENT_BYTES` (2 MiB). */
  maxBytes?: number;
  /** How long a fetched document is reused. Default 10 minutes. */
  cacheTtlMs?: number;
  /** How many fetched documents are kept. Default 1000. */
  cacheMaxEntries?: number;
}

const DEFAULTS = { timeoutMs: 10_000, maxBytes: MAX_DOCUMENT_BYTES, cacheTtlMs: 10 * 60_000, cacheMaxEntries: 1000 };

/** Parses a `--resolve PREFIX=TARGET` command line value. */
export function parseResolveMapping(spec: string): ResolveMapping {
  const at = spec.indexOf('=');
  if (at <= 0 || at === spec.length - 1) {
    throw new Error(`--resolve expects PREFIX=TARGET (e.g. https://example.org/=./assets/), got "${spec}"`);
  }
  return { prefix: spec.slice(0, at), target: spec.slice(at + 1) };
}

/** The local file a URL maps onto, or null. Exact (file) mappings beat folder mappings; longer prefixes beat shorter ones. */
export function mapUrlToFile(url: string, mappings: readonly ResolveMapping[]): string | null {
  const bare = stripFragment(url);
  const exact = mappings.find((m) => !m.prefix.endsWith('/') && stripFragment(m.prefix) === bare);
  if (exact) return path.resolve(exact.target);
  const folder = mappings
    .filter((m) => m.prefix.endsWith('/') && bare.startsWith(m.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!folder) return null;
  const rest = decodeURIComponent(bare.slice(folder.prefix.length).split('?')[0] ?? '');
  const root = path.resolve(folder.target);
  const file = path.resolve(root, rest);
  // a mapped URL must never reach outside its folder
  return file.startsWith(root + path.sep) ? file : null;
}

export function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export function createResolver(options: ResolverOptions = {}): Resolver {
  const settings = { ...DEFAULTS, ...options };
  const mappings = options.mappings ?? [];
  const cache = new BoundedCache<string>({ maxEntries: settings.cacheMaxEntries, ttlMs: settings.cacheTtlMs });

  async function fetchUncached(url: string): Promise<Fetched> {
    const file = mapUrlToFile(url, mappings);
    if (file) {
      try {
        return { ok: true, url, text: await readFile(file, 'utf8') };
      } catch (error) {
        return {
          ok: false,
          url,
          error: `mapped file ${file} could not be read (${errorText(error)})`,
          missing: isMissing({ code: errorCode(error) }),
        };
      }
    }
    if (options.allowNetwork === false) return { ok: false, url, error: 'no --resolve mapping covers this URL and network access is off' };
    const fetched = await safeFetch(url, {
      timeoutMs: settings.timeoutMs,
      maxBytes: settings.maxBytes,
      allowHosts: options.allowHosts ?? [],
    });
    if (fetched.ok) return { ok: true, url, text: fetched.bytes.toString('utf8') };
    // A 404/410 means the document does not exist (with the body a 410 may carry); anything else is transient.
    const status = fetched.status ?? httpStatusIn(fetched.error);
    return {
      ok: false,
      url,
      error: fetched.error,
      ...(status !== undefined ? { status, missing: isMissingStatus(status) } : {}),
      ...(fetched.body !== undefined ? { body: fetched.body } : {}),
    };
  }

  return {
    async fetchText(url: string): Promise<Fetched> {
      const key = stripFragment(url);
      const cached = cache.get(key);
      if (cached !== undefined) return { ok: true, url, text: cached };
      const fetched = await fetchUncached(key);
      if (fetched.ok) cache.set(key, fetched.text);
      return fetched;
    },
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

/** Fetches and parses a JSON document. */
export async function fetchJson(
  resolver: Resolver,
  url: string,
): Promise<{ ok: true; doc: unknown } | { ok: false; error: string; missing?: boolean; status?: number; body?: string }> {
  const fetched = await resolver.fetchText(url);
  if (!fetched.ok)
    return {
      ok: false,
      error: `${url}: ${fetched.error}`,
      ...(fetched.missing ? { missing: true } : {}),
      ...(fetched.status ? { status: fetched.status } : {}),
      ...(fetched.body ? { body: fetched.body } : {}),
    };
  try {
    return { ok: true, doc: JSON.parse(fetched.text) as unknown };
  } catch {
    return { ok: false, error: `${url}: response is not JSON` };
  }
}
