/**
 * Lookup keys for codes and URIs, shared by the index builder and the
 * normalizer so both sides always agree. Pure functions.
 */
import type { Framework } from '../../mappings/skills.ts';

/** Codes compare trimmed and case-insensitively within one framework. */
export function codeKey(framework: Framework, code: string): string {
  return `${framework}|${code.trim().toLowerCase()}`;
}

/**
 * URIs compare without scheme, `www.`, query-less trailing slashes or case
 * of the host, so `http://data.europa.eu/esco/skill/x/` and
 * `https://data.europa.eu/esco/skill/x` are the same key.
 */
export function uriKey(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  return `${host}${path}${url.search}`;
}

const ESCO_PREFIX = 'http://data.europa.eu/esco/';

/** `esco:<uuid>` for ESCO skills and skill groups, `esco:isced-f-<code>` for the ISCED-F field groups. */
export function escoIdFromUri(uri: string): string {
  const path = uri.startsWith(ESCO_PREFIX) ? uri.slice(ESCO_PREFIX.length) : uri;
  const [scheme = '', ...rest] = path.split('/');
  const code = rest.join('/');
  return scheme === 'skill' ? `esco:${code}` : `esco:${scheme}-${code}`;
}
