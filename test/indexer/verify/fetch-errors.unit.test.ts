/** Missing versus unreachable, as classified from a failed fetch (pure). */
import { describe, expect, it } from 'vitest';
import { httpStatusIn, isMissing, isMissingStatus } from '../../../indexer/verify/fetch-errors.ts';

describe('fetch error classification', () => {
  it('404 and 410 mean the document does not exist; 5xx, 429 and 403 do not', () => {
    expect([404, 410].map(isMissingStatus)).toEqual([true, true]);
    expect([500, 502, 503, 429, 403].map(isMissingStatus)).toEqual([false, false, false, false, false]);
  });

  it('a mapped file that does not exist is missing; a DNS failure, a refused connection or a timeout is not', () => {
    expect(isMissing({ code: 'ENOENT' })).toBe(true);
    expect(isMissing({ code: 'ENOTFOUND' })).toBe(false);
    expect(isMissing({ code: 'ECONNREFUSED' })).toBe(false);
    expect(isMissing({ code: 'ETIMEDOUT' })).toBe(false);
    expect(isMissing({ status: 410 })).toBe(true);
  });

  it('reads the status from a fetcher message', () => {
    expect(httpStatusIn('https://issuer.example/key.json: HTTP 404')).toBe(404);
    expect(httpStatusIn('https://issuer.example/key.json: fetch failed: getaddrinfo ENOTFOUND issuer.example')).toBeUndefined();
  });
});
