/** Bad input never throws: it yields one FAILED item with MALFORMED or UNSUPPORTED_FORMAT and details saying what and where. */
import { describe, expect, it } from 'vitest';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import type { ReasonCode } from '../../../indexer/verify/types.ts';
import { fixtureResolver, readFixture } from '../../support/credential-fixtures.ts';

const text = (value: string) => new TextEncoder().encode(value);

/** A PNG with only IHDR and IEND chunks (CRCs are not checked by the reader). */
function plainPng(): Uint8Array {
  const chunk = (type: string, data: number[]) => [0, 0, 0, data.length, ...Buffer.from(type, 'latin1'), ...data, 0, 0, 0, 0];
  const ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', ihdr), ...chunk('IEND', [])]);
}

const simpleJwt = new TextDecoder().decode(readFixture('ob20/simple.jwt')).trim();
const simpleOb3 = JSON.parse(new TextDecoder().decode(readFixture('ob30/simple.json'))) as Record<string, unknown>;

const cases: { name: string; bytes: Uint8Array; reason: ReasonCode; detail: RegExp }[] = [
  {
    name: 'invalid JSON',
    bytes: text('{"@context": "https://w3id.org/openbadges/v2", "type": '),
    reason: 'MALFORMED',
    detail: /invalid JSON/,
  },
  {
    name: 'JSON that is no credential',
    bytes: text('{"hello": "world"}'),
    reason: 'UNSUPPORTED_FORMAT',
    detail: /not an Open Badge or CLR.*@context/,
  },
  { name: 'a JSON number', bytes: text('42'), reason: 'UNSUPPORTED_FORMAT', detail: /neither JSON/ },
  { name: 'a JSON array of strings', bytes: text('["a"]'), reason: 'UNSUPPORTED_FORMAT', detail: /JSON array/ },
  { name: 'a PNG with no badge', bytes: plainPng(), reason: 'UNSUPPORTED_FORMAT', detail: /no iTXt chunk/ },
  {
    name: 'a truncated PNG',
    bytes: readFixture('ob20/simple-badge.png').subarray(0, 60),
    reason: 'UNSUPPORTED_FORMAT',
    detail: /truncated/,
  },
  {
    name: 'an SVG with no badge',
    bytes: text('<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>'),
    reason: 'UNSUPPORTED_FORMAT',
    detail: /no openbadges:assertion/,
  },
  {
    name: 'a truncated JWS',
    bytes: text(simpleJwt.slice(0, Math.floor(simpleJwt.length / 2))),
    reason: 'MALFORMED',
    detail: /three base64url parts/,
  },
  {
    name: 'a JWS with a garbage payload',
    bytes: text(`${simpleJwt.split('.')[0]}.bm90IGpzb24.c2ln`),
    reason: 'MALFORMED',
    detail: /payload is not JSON/,
  },
  { name: 'empty input', bytes: new Uint8Array(), reason: 'MALFORMED', detail: /empty/ },
  { name: 'binary noise', bytes: new Uint8Array([0, 1, 2, 3, 250, 251]), reason: 'UNSUPPORTED_FORMAT', detail: /neither JSON/ },
  {
    name: 'an OB 3.0 credential without issuer',
    bytes: text(JSON.stringify({ ...simpleOb3, issuer: undefined })),
    reason: 'MALFORMED',
    detail: /credential\.issuer/,
  },
  {
    name: 'an OB 2.0 assertion without badge',
    bytes: text(
      JSON.stringify({
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'Assertion',
        id: 'urn:x',
        recipient: { identity: 'a' },
        issuedOn: '2020-01-01T00:00:00Z',
        verification: { type: 'hosted' },
      }),
    ),
    reason: 'MALFORMED',
    detail: /assertion\.badge is missing/,
  },
  {
    name: 'an OB 3.0 credential with an unknown remote context (never fetched)',
    bytes: text(
      JSON.stringify({ ...simpleOb3, '@context': [...(simpleOb3['@context'] as string[]), 'https://contexts.example.com/unknown.jsonld'] }),
    ),
    reason: 'UNKNOWN_CONTEXT',
    detail: /@context\[2\].*unknown\.jsonld/,
  },
];

describe('bad input', { timeout: 30_000 }, () => {
  it.each(cases)('$name -> FAILED $reason', async ({ name, bytes, reason, detail }) => {
    const source = `bad/${name.replace(/\W+/g, '-')}`;
    const credentials = await readCredentials({ source, bytes }, { resolver: fixtureResolver() });
    expect(credentials).toHaveLength(1);
    const [credential] = credentials;
    expect(credential?.verification.status).toBe('FAILED');
    expect(credential?.verification.reasons).toContain(reason);
    expect(credential?.verification.details?.join('\n')).toMatch(detail);
    expect(credential?.source).toBe(source);
  });
});
