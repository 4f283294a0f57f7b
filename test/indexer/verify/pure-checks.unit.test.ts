/** Pure helpers: status list bits, hashed identities, validity windows, hosted scope, did:web URLs. */
import { describe, expect, it } from 'vitest';
import { bitAt, decodeStatusList, encodeStatusList, withBitSet } from '../../../indexer/verify/bitstring.ts';
import { checkValidityWindow } from '../../../indexer/verify/dates.ts';
import { didWebToUrl } from '../../../indexer/verify/did-web.ts';
import { checkHostedScope } from '../../../indexer/verify/ob2-checks.ts';
import { hashIdentity, matchesHashedIdentity } from '../../../indexer/verify/recipient.ts';
import { readFixture } from '../../support/credential-fixtures.ts';

describe('status list bitstrings', () => {
  it('reads bit 23 of the 1EdTech test list as set, its neighbours as clear', () => {
    const list = JSON.parse(new TextDecoder().decode(readFixture('ob30/bit-string-list/testlist'))) as {
      credentialSubject: { encodedList: string };
    };
    const bits = decodeStatusList(list.credentialSubject.encodedList);
    expect(bitAt(bits, 23)).toBe(true);
    expect(bitAt(bits, 22)).toBe(false);
    expect(bitAt(bits, 24)).toBe(false);
    expect(bitAt(bits, bits.length * 8)).toBeUndefined();
  });
  it('round-trips through encode/decode, with and without the multibase prefix', () => {
    const encoded = encodeStatusList(withBitSet(new Uint8Array(16), 9));
    expect(encoded.startsWith('u')).toBe(true);
    expect(bitAt(decodeStatusList(encoded), 9)).toBe(true);
    expect(bitAt(decodeStatusList(encoded.slice(1)), 9)).toBe(true);
  });
});

describe('hashed identities', () => {
  it('matches the OB 2.0 fixture hash of nobody@example.org with salt deadsea', () => {
    const hash = 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942';
    expect(matchesHashedIdentity(hash, 'nobody@example.org', 'deadsea')).toBe(true);
    expect(matchesHashedIdentity(hash, 'NOBODY@example.org', 'deadsea')).toBe(true);
    expect(matchesHashedIdentity(hash, 'somebody@example.org', 'deadsea')).toBe(false);
    expect(matchesHashedIdentity('sha1$abc', 'nobody@example.org')).toBeUndefined();
    expect(hashIdentity('nobody@example.org', 'deadsea')).toBe(hash);
  });
});

describe('validity windows', () => {
  const now = new Date('2025-01-01T00:00:00Z');
  const window = (start?: string, end?: string) =>
    checkValidityWindow({ start: { field: 'from', value: start }, end: { field: 'until', value: end } }, now);
  it('names expired, future, inverted and unparsable dates', () => {
    expect(window('2024-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toEqual([]);
    expect(window('2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z').map((f) => f.reason)).toEqual(['EXPIRED']);
    expect(window('2030-01-01T00:00:00Z').map((f) => f.reason)).toEqual(['NOT_YET_VALID']);
    expect(window('2024-06-01T00:00:00Z', '2024-01-01T00:00:00Z').map((f) => f.reason)).toEqual(['MALFORMED', 'EXPIRED']);
    expect(window('yesterday')).toEqual([expect.objectContaining({ reason: 'MALFORMED', detail: expect.stringContaining('from') })]);
  });
});

describe('hosted verification scope', () => {
  const id = 'https://badges.example.org/a/1';
  it('defaults to the host of the issuer id', () => {
    expect(checkHostedScope(id, { id: 'https://badges.example.org/issuer' })).toEqual([]);
    expect(checkHostedScope(id, { id: 'https://elsewhere.example.org/issuer' }).map((f) => f.reason)).toEqual(['OUT_OF_SCOPE']);
  });
  it('honours startsWith and allowedOrigins', () => {
    expect(checkHostedScope(id, { id: 'x', verification: { startsWith: ['https://badges.example.org/a/'] } })).toEqual([]);
    expect(checkHostedScope(id, { id: 'x', verification: { startsWith: 'https://badges.example.org/b/' } }).map((f) => f.reason)).toEqual([
      'OUT_OF_SCOPE',
    ]);
    expect(checkHostedScope(id, { id: 'x', verification: { allowedOrigins: 'badges.example.org' } })).toEqual([]);
    expect(checkHostedScope(id, { id: 'x', verification: { allowedOrigins: ['other.example.org'] } }).map((f) => f.reason)).toEqual([
      'OUT_OF_SCOPE',
    ]);
  });
});

describe('did:web', () => {
  it('maps DIDs onto DID document URLs', () => {
    expect(didWebToUrl('did:web:example.com')).toBe('https://example.com/.well-known/did.json');
    expect(didWebToUrl('did:web:example.com:user:alice')).toBe('https://example.com/user/alice/did.json');
    expect(didWebToUrl('did:web:localhost%3A8443')).toBe('https://localhost:8443/.well-known/did.json');
    expect(didWebToUrl('did:key:z6Mk')).toBeUndefined();
  });
});
