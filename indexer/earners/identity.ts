/**
 * Who a credential belongs to. Each recipient becomes identity keys
 * (`email:…`, `did:…`, `sha256:…`, `url:…`, `tel:…`); credentials sharing a key
 * belong to one earner (hashed emails are linked to addresses in
 * `hashed-emails.ts`). Which earner id a key belongs to is stored, never
 * computed from the key (see `newEarnerId`).
 */
import { randomBytes } from 'node:crypto';
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

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * An earner id from 16 random bytes: `e-` and 26 lower-case base32
 * characters (128 bits). Public ids carry no personal data: nothing about
 * the person's email or DID can be learnt from one, or guessed into one.
 */
export function formatEarnerId(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error(`an earner id takes 16 random bytes, got ${bytes.length}`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return `e-${out}`;
}

/** A fresh random earner id; assigned once, then stored in the private `earner-ids` index. */
export function newEarnerId(): string {
  return formatEarnerId(randomBytes(16));
}

/** Ids of the old scheme (a truncated hash of the email, guessable): `reindex` replaces them. */
export function isLegacyEarnerId(id: string): boolean {
  return /^e-[0-9a-f]{24}$/.test(id);
}
