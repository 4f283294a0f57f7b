import { describe, expect, it } from 'vitest';
import { earnerIdFor, groupByIdentity, identityKey, matchHashedRecipients } from '../../../indexer/earners/identity.ts';
import { hashIdentity } from '../../../indexer/verify/recipient.ts';

describe('identity keys', () => {
  it('normalizes each kind of recipient', () => {
    expect(identityKey({ type: 'email', identity: ' Ada@Example.ORG ', hashed: false })).toBe('email:ada@example.org');
    expect(identityKey({ type: 'hashed-email', identity: 'sha256$ABC123', hashed: true, salt: 's' })).toBe('sha256:abc123');
    expect(identityKey({ type: 'did', identity: 'did:key:z6Mk1', hashed: false })).toBe('did:key:z6Mk1');
    expect(identityKey({ type: 'telephone', identity: '+1 (614) 555-0100', hashed: false })).toBe('tel:+16145550100');
    expect(identityKey({ type: 'url', identity: 'https://people.example/ada', hashed: false })).toBe('url:https://people.example/ada');
  });

  it('matches hashed emails against known addresses with each salt', () => {
    const hashed = { type: 'hashed-email' as const, identity: hashIdentity('ada@example.org', 'deadsea'), hashed: true, salt: 'deadsea' };
    const other = { type: 'hashed-email' as const, identity: hashIdentity('bob@example.org', 'pepper'), hashed: true, salt: 'pepper' };
    const matches = matchHashedRecipients([hashed, other], ['grace@example.org', 'ada@example.org']);
    expect([...matches]).toEqual([[identityKey(hashed), 'email:ada@example.org']]);
  });

  it('gives up on hashed matching past the work limit instead of stalling', () => {
    const hashed = { type: 'hashed-email' as const, identity: hashIdentity('ada@example.org', 's'), hashed: true, salt: 's' };
    expect(matchHashedRecipients([hashed], ['ada@example.org', 'x@example.org'], 1).size).toBe(0);
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
