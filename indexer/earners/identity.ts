/**
 * Who a credential belongs to. Each recipient becomes identity keys
 * (`email:…`, `did:…`, `sha256:…`, `url:…`, `tel:…`); credentials sharing a key
 * belong to one earner (hashed emails are linked to addresses in
 * `hashed-emails.ts`). Pure functions.
 */
import { createHash } from 'node:crypto';
import type { NormalizedCredential } from '../verify/types.ts';

type Recipient = NormalizedCredential['recipient'];

/** The identity key of a recipient. */
export function identityKey(recipient: Recipient): string {
  const identity = recipient.identity.trim();
  switch (recipient.type) {
    case 'email':
      return `email:${identity.toLowerCase()}`;
    case 'hashed-email':
      return `sha256:${identity.toLowerCase().replace(/^sha256\$/, '')}`;
    case 'did':
      return identity.startsWith('did:') ? identity : `did:${identity}`;
    case 'telephone':
      return `tel:${identity.replace(/[^+\d]/g, '')}`;
    case 'url':
      return `url:${identity}`;
    case 'id':
      return identity.startsWith('did:') ? identity : `id:${identity}`;
  }
}

/** Groups items whose key sets overlap (union-find); each group is one earner. */
export function groupByIdentity<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  items.forEach((item, i) => {
    for (const key of keysOf(item)) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()];
}

/**
 * A stable earner id from identity keys: an email key wins (people keep their
 * address across issuers), then a DID, then any key; the smallest of that kind.
 */
export function earnerIdFor(keys: readonly string[]): string {
  const sorted = [...new Set(keys)].sort();
  const primary = sorted.find((k) => k.startsWith('email:')) ?? sorted.find((k) => k.startsWith('did:')) ?? sorted[0];
  if (primary === undefined) throw new Error('an earner needs at least one identity key');
  return `e-${createHash('sha256').update(primary).digest('hex').slice(0, 24)}`;
}
