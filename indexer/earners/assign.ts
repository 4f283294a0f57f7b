/**
 * Decides which earner each new credential belongs to. Pure: given the new
 * credentials' identity keys and the earners that stored credentials already
 * carry those keys for, it returns an earner id per credential and the
 * earners that turn out to be one person (merges).
 */
import { earnerIdFor, groupByIdentity } from './identity.ts';

export interface Assignment {
  /** Credential id -> earner id. */
  earnerOf: Map<string, string>;
  /** Earner id that merges away -> the earner id it joins. */
  merges: Map<string, string>;
}

interface Item {
  credentialId?: string;
  keys: readonly string[];
  existing?: string;
}

export function assignEarners(credentials: readonly { id: string; identityKeys: readonly string[] }[], existing: ReadonlyMap<string, string>): Assignment {
  const items: Item[] = [
    ...credentials.map((c) => ({ credentialId: c.id, keys: c.identityKeys })),
    ...[...existing].map(([key, earnerId]) => ({ keys: [key, `earner:${earnerId}`], existing: earnerId })),
  ];
  const earnerOf = new Map<string, string>();
  const merges = new Map<string, string>();
  for (const group of groupByIdentity(items, (i) => i.keys)) {
    const known = [...new Set(group.flatMap((i) => (i.existing ? [i.existing] : [])))].sort();
    // An earner that already exists keeps its id; when one person turns out to be two earners, the smallest id wins.
    const earnerId = known[0] ?? earnerIdFor(group.flatMap((i) => i.keys));
    for (const other of known.slice(1)) merges.set(other, earnerId);
    for (const item of group) if (item.credentialId) earnerOf.set(item.credentialId, earnerId);
  }
  return { earnerOf, merges };
}
