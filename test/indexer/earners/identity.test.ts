import { describe, expect, it } from 'vitest';
import { earnerIdFor, groupByIdentity, identityKey } from '../../../indexer/earners/identity.ts';
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

  it('derives a stable id that prefers an email key', () => {
    const id = earnerIdFor(['did:key:z1', 'email:ada@example.org']);
    expect(id).toBe(earnerIdFor(['email:ada@example.org']));
    expect(id).toMatch(/^e-[0-9a-f]{24}$/);
    expect(earnerIdFor(['did:key:z1'])).not.toBe(id);
    expect(() => earnerIdFor([])).toThrow(/at least one identity key/);
  });
});

describe('assigning credentials to earners', async () => {
  const { assignEarners } = await import('../../../indexer/earners/assign.ts');

  it('gives new people a new id and known people their existing id', () => {
    const result = assignEarners(
      [
        { id: 'c1', identityKeys: ['email:new@example.org'] },
        { id: 'c2', identityKeys: ['email:known@example.org'] },
      ],
      new Map([['email:known@example.org', 'e-known']]),
    );
    expect(result.earnerOf.get('c1')).toBe(earnerIdFor(['email:new@example.org']));
    expect(result.earnerOf.get('c2')).toBe('e-known');
    expect(result.merges.size).toBe(0);
  });

  it('merges two known earners when one credential names both of their identities', () => {
    const result = assignEarners(
      [{ id: 'c1', identityKeys: ['email:ada@example.org', 'sha256:abc'] }],
      new Map([
        ['email:ada@example.org', 'e-b'],
        ['sha256:abc', 'e-a'],
      ]),
    );
    expect(result.earnerOf.get('c1')).toBe('e-a');
    expect([...result.merges]).toEqual([['e-b', 'e-a']]);
  });
});
