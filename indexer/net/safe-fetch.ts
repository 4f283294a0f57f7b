/**
 * The indexer's one way to fetch over HTTP(S). Every hop (the first request
 * and each redirect, at most `maxRedirects`) resolves the host first, refuses
 * any non-public address (see `address-policy.ts`) unless its `host:port` is on
 * the development allowance, and then connects to exactly the address it
 * checked (the socket's `lookup` is pinned), so a DNS answer cannot change
 * between the check and the connection. Bodies are read up to `maxBytes`,
 * everything within `timeoutMs`, and no compression is asked for.
 *
 * Failures to reach a host say only "unreachable": the reason (refused
 * address, DNS, connection) is not for whoever planted the URL to learn.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { blockedReason, hostPort } from './address-policy.ts';

export interface FetchPolicy {
  timeoutMs: number;
  maxBytes: number;
  /** `host:port` entries (as `parseAllowHosts` returns them) that may be private addresses. */
  allowHosts: readonly string[];
  /** Default 3. */
  maxRedirects?: number;
}

export type SafeFetched =
  { ok: true; url: string; bytes: Buffer } | { ok: false; error: string; tooLarge?: boolean; status?: number; body?: string };

const UNREACHABLE = 'unreachable';

interface Target {
  address: string;
  family: 4 | 6;
}

/** Resolves the URL's host and decides whether it may be reached; undefined when not. */
export async function checkedTarget(url: URL, allowHosts: readonly string[]): Promise<Target | undefined> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await dnsLookup(host, { all: true, verbatim: true });
  } catch {
    return undefined;
  }
  if (addresses.length === 0) return undefined;
  const allowed = allowHosts.includes(hostPort(host, port)) || addresses.every((a) => allowHosts.includes(hostPort(a.address, port)));
  // Every answer must pass, not just one: otherwise a name could answer public and private at once.
  if (!allowed && addresses.some((a) => blockedReason(a.address) !== undefined)) return undefined;
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A `lookup` that always answers the checked address. */
function pinnedLookup(target: Target): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
}

interface Hop {
  status: number;
  location?: string;
  body?: Buffer;
  tooLarge?: number;
}

function requestOnce(url: URL, target: Target, accept: string, maxBytes: number, signal: AbortSignal): Promise<Hop> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'GET',
        lookup: pinnedLookup(target),
        signal,
        headers: { accept, 'accept-encoding': 'identity', 'user-agent': 'talent-directory-indexer' },
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          resolve({ status, location: response.headers.location });
          return;
        }
        // A 404 or 410 may say why (OB 2.0 revoked assertions answer 410 with a body): read it, bounded like any body.
        if ((status < 200 || status >= 300) && status !== 404 && status !== 410) {
          response.resume();
          resolve({ status });
          return;
        }
        const declared = Number(response.headers['content-length'] ?? '0');
        if (declared > maxBytes) {
          response.destroy();
          resolve({ status, tooLarge: declared });
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        response.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > maxBytes) {
            response.destroy();
            resolve({ status, tooLarge: total });
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status, body: Buffer.concat(chunks) }));
        response.on('error', reject);
        response.on('close', () => {
          if (!response.complete) reject(new Error('connection closed before the body ended'));
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** Fetches `url` under `policy`; never throws. */
export async function safeFetch(
  url: string,
  policy: FetchPolicy,
  accept = 'application/ld+json, application/json;q=0.9, */*;q=0.1',
): Promise<SafeFetched> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  const maxRedirects = policy.maxRedirects ?? 3;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { ok: false, error: 'not a valid URL' };
  }
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'https:' && current.protocol !== 'http:') return { ok: false, error: `cannot fetch ${current.protocol} URLs` };
    if (current.username || current.password) return { ok: false, error: 'URLs with credentials are not fetched' };
    const target = await checkedTarget(current, policy.allowHosts);
    if (!target) return { ok: false, error: UNREACHABLE };
    let response: Hop;
    try {
      response = await requestOnce(current, target, accept, policy.maxBytes, signal);
    } catch {
      return { ok: false, error: signal.aborted ? `${UNREACHABLE} (no answer within ${policy.timeoutMs} ms)` : UNREACHABLE };
    }
    if (response.location !== undefined) {
      if (hop >= maxRedirects) return { ok: false, error: `more than ${maxRedirects} redirects` };
      try {
        current = new URL(response.location, current);
      } catch {
        return { ok: false, error: 'redirect to an invalid URL' };
      }
      continue;
    }
    if (response.tooLarge !== undefined) return { ok: false, tooLarge: true, error: `response exceeds the ${policy.maxBytes} byte limit` };
    if (response.status < 200 || response.status >= 300 || !response.body) {
      return {
        ok: false,
        error: `HTTP ${response.status}`,
        status: response.status,
        ...(response.body && response.body.length > 0 ? { body: response.body.toString('utf8') } : {}),
      };
    }
    return { ok: true, url: current.href, bytes: response.body };
  }
}
