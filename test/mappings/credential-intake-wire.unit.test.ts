/**
 * The intake's wire format (API -> intake service) and the service's token
 * check: bytes survive the trip exactly, fields a newer API adds pass
 * through, and what is not a well-formed request or answer is refused with
 * the field named.
 */
import { describe, expect, it } from 'vitest';
import { INTAKE_LIMITS } from '../../mappings/credential-intake.ts';
import {
  decodeDidAuthRequest,
  decodeEarnerRequest,
  decodeIssuerRequest,
  decodeResults,
  decodeVerdict,
  encodeEarnerRequest,
  encodeIssuerRequest,
} from '../../mappings/credential-intake-wire.ts';
import { MAX_DIDS_PER_EARNER, MAX_PRESENTATION_CHARS } from '../../mappings/did-auth.ts';
import { tokenMatches } from '../../indexer/intake/http-service.ts';

const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('the intake wire format', () => {
  it('carries every byte of a file (a PNG is binary), URLs, and fields it does not know', () => {
    const bytes = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    const sent = {
      earnerId: 'e-ada',
      email: 'ada@example.net',
      items: [
        { kind: 'file' as const, name: 'badge.png', bytes: bytes.subarray(3, 200) },
        { kind: 'url' as const, url: 'https://badges.example/a/1' },
      ],
      provenDids: ['did:key:z6Mk'],
    };
    const decoded = decodeEarnerRequest(roundTrip(encodeEarnerRequest(sent)));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.request).toEqual(sent);
    const pushed = { issuerEntryId: 'did:web:college.example', items: [{ source: '[0]', bytes: new Uint8Array([0, 255, 10]) }] };
    const back = decodeIssuerRequest(roundTrip(encodeIssuerRequest(pushed)));
    expect(back).toEqual({ ok: true, request: pushed });
  });

  it('refuses malformed requests, naming the field', () => {
    expect(decodeEarnerRequest({ earnerId: 1 })).toMatchObject({ ok: false, problem: expect.stringMatching(/earnerId/) });
    expect(decodeEarnerRequest({ earnerId: 'e', email: 'a@b.c', items: [] })).toMatchObject({ problem: expect.stringMatching(/items/) });
    expect(
      decodeEarnerRequest({ earnerId: 'e', email: 'a@b.c', items: [{ kind: 'file', name: 'x', contentBase64: 'not base64!' }] }),
    ).toMatchObject({ problem: expect.stringMatching(/items\.0\.contentBase64: must be base64/) });
    const tooMany = Array.from({ length: INTAKE_LIMITS.maxEarnerItems + 1 }, () => ({ kind: 'url', url: 'https://x.example/' }));
    expect(decodeEarnerRequest({ earnerId: 'e', email: 'a@b.c', items: tooMany })).toMatchObject({ ok: false });
    const huge = Buffer.alloc(INTAKE_LIMITS.maxFileBytes + 1).toString('base64');
    expect(decodeEarnerRequest({ earnerId: 'e', email: 'a@b.c', items: [{ kind: 'file', name: 'x', contentBase64: huge }] })).toMatchObject(
      {
        problem: expect.stringMatching(/items\.0: larger than/),
      },
    );
    expect(decodeIssuerRequest({ issuerEntryId: 'x', items: [{ source: '[0]' }] })).toMatchObject({ ok: false });
  });

  it("carries the earner's proven DIDs, checked: a list of strings, at most the per-earner maximum", () => {
    const base = { earnerId: 'e-ada', email: 'ada@example.net', items: [{ kind: 'url', url: 'https://x.example/' }] };
    const dids = ['did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH', 'did:web:wallet.example'];
    expect(decodeEarnerRequest(roundTrip({ ...base, dids }))).toEqual({ ok: true, request: { ...base, dids } });
    expect(decodeEarnerRequest({ ...base, dids: 'did:key:z6Mk' })).toMatchObject({ problem: expect.stringMatching(/^dids:/) });
    expect(decodeEarnerRequest({ ...base, dids: [7] })).toMatchObject({ problem: expect.stringMatching(/dids\.0/) });
    const tooMany = Array.from({ length: MAX_DIDS_PER_EARNER + 1 }, (_, i) => `did:web:w${i}.example`);
    expect(decodeEarnerRequest({ ...base, dids: tooMany })).toMatchObject({ problem: expect.stringMatching(/^dids:/) });
  });

  it('carries a DID Auth request and its verdict; refuses malformed ones and unknown refusal codes', () => {
    const request = { presentation: 'eyJ.eyJ.sig', challenge: 'pX3', domain: 'talent.example.org' };
    expect(decodeDidAuthRequest(roundTrip(request))).toEqual({ ok: true, request });
    expect(decodeDidAuthRequest({ ...request, challenge: undefined })).toMatchObject({ problem: expect.stringMatching(/challenge/) });
    expect(decodeDidAuthRequest({ ...request, presentation: 'x'.repeat(MAX_PRESENTATION_CHARS + 1) })).toMatchObject({
      problem: expect.stringMatching(/presentation/),
    });
    const linked = { ok: true, did: 'did:key:z6Mk', keyId: 'did:key:z6Mk#z6Mk', format: 'vp-jwt' };
    expect(decodeVerdict({ verdict: linked })).toEqual(linked);
    const refused = { ok: false, code: 'WRONG_DOMAIN', message: 'signed for evil.example' };
    expect(decodeVerdict({ verdict: refused })).toEqual(refused);
    expect(decodeVerdict({ verdict: { ...refused, code: 'TRUST_ME' } })).toBeUndefined();
    expect(decodeVerdict({ verdict: { ok: true, did: 'did:key:z6Mk' } })).toBeUndefined();
    expect(decodeVerdict({ results: [] })).toBeUndefined();
  });

  it('accepts only well-formed answers', () => {
    const result = { source: 'a.jwt', outcome: 'ADDED', status: 'VERIFIED', reasons: [], message: 'Added.' };
    expect(decodeResults({ results: [result] })).toEqual([result]);
    expect(decodeResults({ results: [{ ...result, outcome: 'STOLEN' }] })).toBeUndefined();
    expect(decodeResults('<html>proxy error</html>')).toBeUndefined();
    expect(decodeResults(undefined)).toBeUndefined();
  });
});

describe("the intake service's token check", () => {
  const token = 't'.repeat(40);
  it('takes exactly "Bearer <token>"', () => {
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(tokenMatches(`bearer ${token}`, token)).toBe(true);
    for (const header of [undefined, '', token, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, 'Bearer '])
      expect(tokenMatches(header, token), String(header)).toBe(false);
  });
});
