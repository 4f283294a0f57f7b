/**
 * Who a credential belongs to. Each recipient becomes identity keys
 * (`email:…`, `did:…`, `sha256:…`, `url:…`, `tel:…`); credentials sharing a key
 * belong to one earner. Hashed emails join an earner when a known address of
 * that earner hashes to them with the credential's salt. Pure functions.
 */
import { createHash } from 'node:crypto';
import { matchesHashedIdentity } from '../verify/recipient.ts';
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

/**
 * Plain email keys for hashed recipients, found by hashing each known address
 * with the credential's salt. Issuers usually use one salt for many badges, so
 * this costs (distinct salts x known addresses) hashes; past `maxHashes` the
 * remaining hashed recipients stay as they are (their own earner).
 */
export function matchHashedRecipients(
  recipients: readonly Recipient[],
  knownEmails: readonly string[],
  maxHashes = 2_000_000,
): Map<string, string> {
  const matched = new Map<string, string>();
  const hashed = recipients.filter((r) => r.type === 'hashed-email');
  const salts = [...new Set(hashed.map((r) => r.salt ?? ''))];
  if (salts.length * knownEmails.length > maxHashes) return matched;
  for (const salt of salts) {
    const byHash = new Map<string, string>();
    for (const email of knownEmails) {
      const hex = createHash('sha256').update(email + salt).digest('hex');
      byHash.set(hex, email);
    }
    for (const r of hashed.filter((h) => (h.salt ?? '') === salt)) {
      const hex = r.identity.toLowerCase().replace(/^sha256\$/, '');
      const email = byHash.get(hex);
      if (email !== undefined && matchesHashedIdentity(`sha256$${hex}`, email, salt)) matched.set(identityKey(r), `email:${email.toLowerCase()}`);
    }
  }
  return matched;
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
