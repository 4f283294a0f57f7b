import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { formatEarnerId, groupByIdentity, identityKey, isLegacyEarnerId, newEarnerId } from '../../../indexer/earners/identity.ts';
import { hashIdentity } from '../../../indexer/verify/recipient.ts';

describe('identity keys', () => {
  it('normalizes each kind of recipient', () => {
    expect(identityKey({ type: 'email', identity: ' Ada@Example.ORG ', hashed: false })).toBe('email:ada@example.org');
    expect(identityKey({ type: 'hashed-email', identity: 'sha256$ABC123', hashed: true, salt: 's' })).toBe('sha256:abc123');
    expect(identityKey({ type: 'did', identity: 'did:key:z6Mk1', hashed: false })).toBe('did:key:z6Mk1');
    expect(identityKey({ type: 'telephone', identity: '+1 (614) 555-0100', hashed: false })).toBe('tel:+16145550100');
    expect(identityKey({ type: 'url', identity: 'https://people.example/ada', hashed: false })).toBe('url:https://people.example/ada');
  });

  it('links hashed emails to addresses seen before or after the hash', async () => {
    const { HashedEmailIndex } = await import('../../../indexer/earners/hashed-emails.ts');
    const index = new HashedEmailIndex();
    index.addEmail('Ada@Example.org');
    expect(index.lookup(hashIdentity('ada@example.org', 'deadsea'), 'deadsea')).toBe('ada@example.org');
    expect(index.lookup(hashIdentity('bob@example.org', 'deadsea'), 'deadsea')).toBeUndefined();
    index.addEmail('bob@example.org');
    expect(index.lookup(hashIdentity('bob@example.org', 'deadsea'), 'deadsea')).toBe('bob@example.org');
    expect(index.lookup(hashIdentity('bob@example.org', 'pepper'), 'deadsea')).toBeUndefined();
  });

  it('stops building hash tables past its work limit instead of stalling', async () => {
    const { HashedEmailIndex } = await import('../../../indexer/earners/hashed-emails.ts');
    const index = new HashedEmailIndex(1);
    index.addEmail('ada@example.org');
    index.addEmail('bob@example.org');
    expect(index.lookup(hashIdentity('ada@example.org', 's'), 's')).toBeUndefined();
  });
});

describe('grouping credentials into earners', () => {
  it('joins credentials that share any key, transitively', () => {
    const items = [
      { id: 'a', keys: ['email:ada@example.org'] },
      { id: 'b', keys: ['did:key:z1'] },
      { id: 'c', keys: ['did:key:z1', 'email:ada@example.org'] },
      { id: 'd', keys: ['email:bob@example.org'] },
    ];
    const groups = groupByIdentity(items, (i) => i.keys).map((g) => g.map((i) => i.id).sort());
    expect(groups.sort()).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('gives random 128-bit ids in lower-case base32 that carry nothing of the identity', () => {
    const ids = Array.from({ length: 2000 }, () => newEarnerId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^e-[a-z2-7]{26}$/.test(id))).toBe(true);
    expect(ids.some(isLegacyEarnerId)).toBe(false);
    // The encoding is exact: 16 bytes, 26 characters, the last one carrying 3 bits.
    expect(formatEarnerId(new Uint8Array(16))).toBe(`e-${'a'.repeat(26)}`);
    expect(formatEarnerId(new Uint8Array(16).fill(255))).toBe(`e-${'7'.repeat(25)}4`);
    expect(() => formatEarnerId(new Uint8Array(8))).toThrow(/16 random bytes/);
    // The old scheme (a hash of the email) is recognised for migration.
    expect(isLegacyEarnerId(`e-${createHash('sha256').update('email:ada@example.org').digest('hex').slice(0, 24)}`)).toBe(true);
  });
});

describe('assigning credentials to earners', async () => {
  const { assignEarners } = await import('../../../indexer/earners/assign.ts');
  const link = (earnerId: string, assignedAt = '2025-01-01T00:00:00.000Z') => ({ earnerId, assignedAt });
  const now = new Date('2026-01-01T00:00:00Z');

  it('gives new people a new random id and known people their stored id, and returns the links to store', () => {
    const result = assignEarners(
      [
        { id: 'c1', identityKeys: ['email:new@example.org', 'did:key:z1'] },
        { id: 'c2', identityKeys: ['email:known@example.org'] },
      ],
      new Map([['email:known@example.org', link('e-known')]]),
      { now, newId: () => 'e-fresh' },
    );
    expect(result.earnerOf.get('c1')).toBe('e-fresh');
    expect(result.earnerOf.get('c2')).toBe('e-known');
    expect(result.merges.size).toBe(0);
    expect(Object.fromEntries(result.links)).toEqual({
      'email:new@example.org': link('e-fresh', now.toISOString()),
      'did:key:z1': link('e-fresh', now.toISOString()),
      'email:known@example.org': link('e-known'),
    });
  });

  it('merges two known earners into the older one, whatever the order of the ids', () => {
    for (const [older, newer] of [
      ['e-b', 'e-a'],
      ['e-a', 'e-b'],
    ] as const) {
      const result = assignEarners(
        [{ id: 'c1', identityKeys: ['email:ada@example.org', 'sha256:abc'] }],
        new Map([
          ['email:ada@example.org', link(older, '2024-01-01T00:00:00.000Z')],
          ['sha256:abc', link(newer, '2025-06-01T00:00:00.000Z')],
        ]),
        { now },
      );
      expect(result.earnerOf.get('c1')).toBe(older);
      expect([...result.merges]).toEqual([[newer, older]]);
      expect(result.links.get('sha256:abc')).toEqual(link(older, '2024-01-01T00:00:00.000Z'));
    }
  });
});
