/**
 * Issuer recognition decided from proven authority only (pure, no engine):
 * which DIDs, keys and URLs a registry entry covers, and which entry decides.
 * The look-alike cases are the attacks: a host that merely starts with the
 * issuer's, another scheme or port, a sibling path, and a key URL that names
 * the issuer's path but, once fetched, resolves outside it.
 */
import { describe, expect, it } from 'vitest';
import { covers, recognize } from '../../mappings/issuer-recognition.ts';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';

describe('covers (registry value, proven authority)', () => {
  it.each([
    ['the same DID', 'did:web:issuer.example', 'did:web:issuer.example', true],
    ['a key id under the DID', 'did:web:issuer.example', 'did:web:issuer.example#key-1', true],
    ['a DID that only starts with it', 'did:web:issuer.example', 'did:web:issuer.example.evil.com#key-1', false],
    ['a URL under the origin', 'https://issuer.example', 'https://issuer.example/keys/1', true],
    ['a URL under the origin, written with a slash', 'https://issuer.example/', 'https://issuer.example/keys/1', true],
    ['a host that starts with the origin', 'https://issuer.example', 'https://issuer.example.evil.com/keys/1', false],
    ['plain http for an https origin', 'https://issuer.example', 'http://issuer.example/keys/1', false],
    ['another port', 'https://issuer.example', 'https://issuer.example:8443/keys/1', false],
    ['a URL under the path prefix', 'https://host.example/org1/', 'https://host.example/org1/keys/1', true],
    ['a sibling path sharing the prefix text', 'https://host.example/org1/', 'https://host.example/org10/keys/1', false],
    ['a path without the closing slash is exact only', 'https://host.example/org1', 'https://host.example/org1/keys/1', false],
    ['dot segments that leave the prefix', 'https://host.example/org1/', 'https://host.example/org1/../org2/key.json', false],
    ['encoded dot segments that leave the prefix', 'https://host.example/org1/', 'https://host.example/org1/%2e%2e/org2/key.json', false],
    ['dot segments that stay inside it', 'https://host.example/org1/', 'https://host.example/org1/a/../key.json', true],
    ['the host in capitals (the same URL)', 'https://host.example/org1/', 'https://HOST.example/org1/key.json', true],
    ['an exact key URL', 'https://host.example/org1/key.json', 'https://host.example/org1/key.json', true],
    ['a DID against a URL', 'did:web:issuer.example', 'https://issuer.example/keys/1', false],
    ['not a URL at all', 'https://issuer.example', 'urn:uuid:1234', false],
  ])('%s', (_case, controlled, proven, expected) => {
    expect(covers(controlled, proven)).toBe(expected);
  });
});

const entry = (id: string, fields: Partial<IssuerRegistryDocument>): IssuerRegistryDocument => ({
  id,
  ids: [id],
  name: `Issuer ${id}`,
  origins: [],
  dids: [],
  keys: [],
  status: 'RECOGNIZED',
  provenance: { format: 'directory-v1', source: 'test', rank: 0 },
  changedAt: '2026-01-01T00:00:00Z',
  ...fields,
});

describe('recognize', () => {
  const org1 = entry('https://host.example/org1', { origins: ['https://host.example/org1/'], image: 'https://host.example/org1/logo.png' });

  it('recognizes what an entry covers, with the registry name and image', () => {
    expect(recognize(['https://host.example/org1/keys/1'], [org1])).toEqual({
      status: 'RECOGNIZED',
      entryId: org1.id,
      name: org1.name,
      image: org1.image,
    });
  });

  it('does not lend an entry to a key that resolves outside its path', () => {
    expect(recognize(['https://host.example/org1/../org2/key.json'], [org1])).toEqual({ status: 'UNKNOWN' });
  });

  it('is UNKNOWN without proven authority, whatever the registry holds', () => {
    expect(recognize([], [org1])).toEqual({ status: 'UNKNOWN' });
  });

  it('lets the most authoritative matching entry decide; entries only seen in credentials come last', () => {
    const seen = entry('did:web:a.example', { dids: ['did:web:a.example'], provenance: { format: 'seen', source: 'x', rank: 0 } });
    const suspended = entry('did:web:a.example-registry', {
      dids: ['did:web:a.example'],
      status: 'SUSPENDED',
      provenance: { format: 'directory-v1', source: 'state', rank: 3 },
    });
    const pending = entry('did:web:b.example', { dids: ['did:web:b.example'], status: 'PENDING' });
    expect(recognize(['did:web:a.example#key-1'], [seen, suspended])).toEqual({ status: 'SUSPENDED', entryId: suspended.id });
    expect(recognize(['did:web:b.example#key-1'], [pending])).toEqual({ status: 'UNKNOWN', entryId: pending.id });
  });
});
