/**
 * Job postings for the demo's regions, so the skill-gap reports show real
 * gaps: most postings ask for skills the demo issuers teach (supply exists),
 * some for real taxonomy skills next to them that nobody teaches (the gaps),
 * and a few for skills in plain words that match nothing (reported as
 * unknown). Seeded and pure.
 */
import type { Taxonomy } from '../../../indexer/taxonomy/index.ts';
import { randomFor } from './prng.ts';
import type { EarnerRecord } from '../types.ts';

/** A posting as a job board exports it (the `indexer demand` input). */
export interface PostingRow {
  id: string;
  title: string;
  employer: string;
  region: string;
  posted_on: string;
  /** Canonical taxonomy ids, concept URIs, or plain words. */
  skills: string[];
  occupation?: string;
}

const EMPLOYERS = [
  'Acme Manufacturing',
  'Buckeye IT Services',
  'Prairie Health System',
  'Lakeside Logistics',
  'Summit Energy Co-op',
  'Harbor Freightways',
  'Keystone Fabrication',
  'Bluegrass Data Centers',
  'Riverside Medical Group',
  'Copperline Networks',
  'Northstar Utilities',
  'Granite State Robotics',
];
const TITLES = ['Technician', 'Specialist', 'Analyst', 'Associate', 'Coordinator', 'Apprentice', 'Operator', 'Support Engineer'];
const UNKNOWN = ['forklift certification', 'CDL Class A', 'bilingual Spanish', 'night shift availability', 'OSHA 30 card'];
/** O*NET-SOC codes for the postings' occupations (real codes). */
const OCCUPATIONS = ['15-1232.00', '15-1252.00', '49-9071.00', '51-4121.00', '29-2061.00', '15-1212.00', '43-5071.00', '47-2111.00'];

/** Real taxonomy skills next to the taught ones (same broader skill) that no demo badge carries. */
export function scarceSkills(taxonomy: Taxonomy, taught: ReadonlySet<string>, limit = 12): string[] {
  const out = new Set<string>();
  for (const id of [...taught].sort()) {
    const parent = taxonomy.byId.get(id)?.broader[0];
    const siblings = parent ? (taxonomy.byId.get(parent)?.narrower ?? []) : [];
    for (const sibling of siblings) if (!taught.has(sibling) && taxonomy.byId.get(sibling)?.kind !== 'group') out.add(sibling);
    if (out.size >= limit) break;
  }
  return [...out].slice(0, limit);
}

export function planPostings(records: readonly EarnerRecord[], taxonomy: Taxonomy, seed: number, now: Date): PostingRow[] {
  const random = randomFor(seed, 'postings');
  const byRegion = new Map<string, number>();
  for (const r of records) byRegion.set(r.location.region, (byRegion.get(r.location.region) ?? 0) + 1);
  const regions = [...byRegion.keys()].sort();
  const taughtCounts = new Map<string, number>();
  for (const b of records.flatMap((r) => r.badges)) for (const s of b.skills) taughtCounts.set(s, (taughtCounts.get(s) ?? 0) + 1);
  const taught = [...taughtCounts.keys()].sort();
  const scarce = scarceSkills(taxonomy, new Set(taught));
  const count = Math.max(20, Math.ceil(records.length * 0.6));

  return Array.from({ length: count }, (_, i) => {
    const region = random.weighted(regions, (r) => byRegion.get(r)!);
    const skills = new Set<string>();
    const wanted = random.int(2, 5);
    while (skills.size < wanted) {
      const id = scarce.length > 0 && random.chance(0.3) ? random.pick(scarce) : random.weighted(taught, (s) => taughtCounts.get(s)!);
      // Postings name skills as boards do: mostly ids or concept URIs, sometimes the label.
      const entry = taxonomy.byId.get(id);
      skills.add(entry?.uri && random.chance(0.3) ? entry.uri : id);
    }
    if (random.chance(0.1)) skills.add(random.pick(UNKNOWN));
    const daysAgo = random.int(0, 364);
    const posted = new Date(now.getTime() - daysAgo * 86_400_000);
    return {
      id: `demo-posting-${seed}-${i + 1}`,
      title: `${random.pick(['IT', 'Maintenance', 'Health', 'Logistics', 'Energy', 'Cyber', 'Manufacturing'])} ${random.pick(TITLES)}`,
      employer: random.pick(EMPLOYERS),
      region,
      posted_on: posted.toISOString().slice(0, 10),
      skills: [...skills],
      ...(random.chance(0.7) ? { occupation: random.pick(OCCUPATIONS) } : {}),
    };
  });
}
