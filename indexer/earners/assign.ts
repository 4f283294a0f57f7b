/**
 * Decides which earner each new credential belongs to. Pure: given the new
 * credentials' identity keys and the earners the private `earner-ids` index
 * already links those keys to, it returns an earner id per credential, the
 * earners that turn out to be one person (merges), and the links to store.
 *
 * A new person gets a new random id (`newEarnerId`); a known one keeps the
 * id assigned to them first. When two known earners turn out to be one
 * person, the older id wins (earliest `assignedAt`, then the smaller id), so
 * the choice is the same whatever order credentials arrive in.
 */
import type { EarnerLink } from '../../mappings/earner-ids.ts';
import { groupByIdentity, newEarnerId } from './identity.ts';

export interface Assignment {
  /** Credential id -> earner id. */
  earnerOf: Map<string, string>;
  /** Earner id that merges away -> the earner id it joins. */
  merges: Map<string, string>;
  /** Identity key -> the earner it belongs to now, for every key of the new credentials (to store). */
  links: Map<string, EarnerLink>;
}

interface Item {
  credentialId?: string;
  keys: readonly string[];
  existing?: EarnerLink;
}

const older = (a: EarnerLink, b: EarnerLink) => a.assignedAt.localeCompare(b.assignedAt) || a.earnerId.localeCompare(b.earnerId);

export function assignEarners(
  credentials: readonly { id: string; identityKeys: readonly string[] }[],
  existing: ReadonlyMap<string, EarnerLink>,
  options: { now?: Date; newId?: () => string } = {},
): Assignment {
  const assignedAt = (options.now ?? new Date()).toISOString();
  const newId = options.newId ?? newEarnerId;
  const items: Item[] = [
    ...credentials.map((c) => ({ credentialId: c.id, keys: c.identityKeys })),
    ...[...existing].map(([key, link]) => ({ keys: [key, `earner:${link.earnerId}`], existing: link })),
  ];
  const earnerOf = new Map<string, string>();
  const merges = new Map<string, string>();
  const links = new Map<string, EarnerLink>();
  for (const group of groupByIdentity(items, (i) => i.keys)) {
    const known = [...new Map(group.flatMap((i) => (i.existing ? [[i.existing.earnerId, i.existing] as const] : []))).values()].sort(older);
    const winner: EarnerLink = known[0] ?? { earnerId: newId(), assignedAt };
    for (const other of known.slice(1)) merges.set(other.earnerId, winner.earnerId);
    for (const item of group) {
      if (item.credentialId) earnerOf.set(item.credentialId, winner.earnerId);
      for (const key of item.keys) if (!key.startsWith('earner:')) links.set(key, winner);
    }
  }
  return { earnerOf, merges, links };
}
