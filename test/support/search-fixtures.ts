/**
 * A seeded directory for search tests: earners' credentials and settings,
 * turned into earner documents by the real indexer builder and written under
 * a per-file index prefix, with the skills taxonomy and badge classes. The
 * generator keeps its own plain records (`EarnerRecord`) so tests can count
 * the truth by brute force, independently of the query builder.
 */
import { registryEntry } from './issuer-registry.ts';
import { credentialKey } from '../../mappings/credentials.ts';
import type { Client } from '@elastic/elasticsearch';
import type { IndexedBadgeClassDocument } from '../../mappings/badge-classes.ts';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { defaultDirectorySettings, type DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import {
  CREDENTIAL_TYPES,
  VERIFICATION_STATUSES,
  type CredentialType,
  type EarnerDocument,
  type VerificationStatus,
} from '../../mappings/earners.ts';
import { aliasName, deleteAllIndices, ensureAllIndices } from '../../mappings/indices.ts';
import type { IndexedSkillDocument, SkillDocument } from '../../mappings/skills.ts';
import { mulberry32 } from '../../indexer/demo/prng.ts';
import { buildEarnerDocument } from '../../mappings/earner-document.ts';
import { skillDocument, skillLookup } from '../../indexer/taxonomy-index.ts';
import { loadTaxonomy, type Taxonomy } from '../../indexer/taxonomy/index.ts';
import { engineClient, uniquePrefix } from './engine.ts';

/** One badge as the generator made it. */
export interface BadgeRecord {
  credentialId: string;
  classId: string;
  issuerId: string;
  credentialType: CredentialType;
  skills: string[];
  /** The skills plus their taxonomy ancestors (from the taxonomy data, not the builder). */
  skillsExpanded: string[];
  frameworks: string[];
  issuedOn: string;
  status: VerificationStatus;
  reasons: string[];
  /** What employers see of the verification: expired-only failures show as EXPIRED, other failures and UNVERIFIED not at all. */
  shownAs?: 'VERIFIED' | 'EXPIRED';
  /** The issuer's standing as the registry judges it (absent: RECOGNIZED). */
  issuerRecognition?: 'RECOGNIZED' | 'UNKNOWN' | 'SUSPENDED';
  /** Listed earner, not hidden by them, and a verification employers may see. */
  visible: boolean;
}

export interface EarnerRecord {
  earnerId: string;
  name: string;
  email: string;
  listed: boolean;
  region?: string;
  geo?: { lat: number; lon: number };
  badges: BadgeRecord[];
}

export interface ClassRecord {
  id: string;
  name: string;
  issuerId: string;
  credentialType: CredentialType;
  skills: string[];
}

export interface IssuerRecord {
  id: string;
  name: string;
}

/** Ids and names that only hidden badges or unlisted earners carry. */
export interface HiddenOnly {
  classId: string;
  className: string;
  issuerId: string;
  issuerName: string;
  skillId: string;
}

export interface SearchFixture {
  prefix: string;
  client: Client;
  now: Date;
  taxonomy: Taxonomy;
  records: EarnerRecord[];
  classes: ClassRecord[];
  issuers: IssuerRecord[];
  /** Skills badges align to. */
  skillPool: string[];
  hiddenOnly: HiddenOnly;
  regions: Record<string, { lat: number; lon: number }>;
  cleanup(): Promise<void>;
}

/** Mulberry32: small, fast, seeded (the demo generator's). */
export const seededRandom = (seed: number): (() => number) => mulberry32(seed);

export const FIXTURE_NOW = new Date('2026-06-15T12:00:00Z');

export const REGIONS: Record<string, { lat: number; lon: number }> = {
  'US-OH': { lat: 39.9612, lon: -82.9988 },
  'US-MI': { lat: 42.3314, lon: -83.0458 },
  'US-PA': { lat: 40.4406, lon: -79.9959 },
  'US-IN': { lat: 39.7684, lon: -86.1581 },
  'US-CA': { lat: 37.7749, lon: -122.4194 },
  'DE-BE': { lat: 52.52, lon: 13.405 },
};

const FIRST = ['Ada', 'Grace', 'Alan', 'Linus', 'Mae', 'Katherine', 'Dorothy', 'Edsger', 'Barbara', 'Ken', 'Radia', 'Frances'];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Jemison',
  'Johnson',
  'Vaughan',
  'Liskov',
  'Thompson',
  'Perlman',
  'Allen',
  'Dijkstra',
  'Knuth',
];
const TOPICS = [
  'Welding',
  'Robotics',
  'Nursing',
  'Carpentry',
  'Cybersecurity',
  'Logistics',
  'Plumbing',
  'Analytics',
  'Hospitality',
  'Machining',
  'Electrical',
  'Coding',
];
const LEVELS = ['Foundations', 'Level 2', 'Advanced', 'Practitioner'];

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const pickSome = <T>(random: () => number, values: readonly T[], max: number, min = 0): T[] => {
  const count = min + Math.floor(random() * (max - min + 1));
  const pool = [...values];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
};

/** Leaf-ish skills with a hierarchy above them, several sharing ancestors. */
function chooseSkillPool(taxonomy: Taxonomy, random: () => number): string[] {
  const withParents = taxonomy.entries.filter((e) => (e.kind === 'skill' || e.kind === 'knowledge') && e.ancestors.length >= 1);
  const byParent = new Map<string, SkillDocument[]>();
  for (const entry of withParents) byParent.set(entry.broader[0]!, [...(byParent.get(entry.broader[0]!) ?? []), entry]);
  // Siblings make "a broad skill matches its narrower skills" observable.
  const families = [...byParent.values()].filter((children) => children.length >= 3);
  const pool = new Set<string>();
  for (const family of pickSome(random, families, 8, 8)) for (const child of pickSome(random, family, 3, 2)) pool.add(child.id);
  for (const entry of pickSome(random, withParents, 14, 14)) pool.add(entry.id);
  for (const entry of pickSome(
    random,
    taxonomy.entries.filter((e) => e.framework === 'local' && e.kind === 'skill'),
    4,
    4,
  ))
    pool.add(entry.id);
  return [...pool].sort();
}

function expand(taxonomy: Taxonomy, skills: readonly string[]): string[] {
  return [...new Set(skills.flatMap((id) => [id, ...(taxonomy.byId.get(id)?.ancestors ?? [])]))];
}

function isoDay(date: Date): string {
  return `${date.toISOString().slice(0, 10)}T00:00:00.000Z`;
}

export interface GeneratedDirectory {
  records: EarnerRecord[];
  classes: ClassRecord[];
  issuers: IssuerRecord[];
  skillPool: string[];
  hiddenOnly: HiddenOnly;
  credentials: CredentialDocument[];
  settings: DirectorySettingsDocument[];
}

export function generateDirectory(taxonomy: Taxonomy, seed: number, earnerCount: number, now: Date = FIXTURE_NOW): GeneratedDirectory {
  const random = seededRandom(seed);
  const skillPool = chooseSkillPool(taxonomy, random);
  const used = new Set(expand(taxonomy, skillPool));
  const secretSkill = taxonomy.entries.find(
    (e) => e.kind === 'skill' && e.framework === 'esco' && !used.has(e.id) && e.narrower.length === 0,
  )!.id;
  const issuers: IssuerRecord[] = [
    'Columbus State',
    'Lakeside Polytechnic',
    'Metro Skills Board',
    'Northwind Academy',
    'Summit Training',
    'Riverbend College',
  ].map((name, i) => ({
    id: `did:web:issuer-${i}.example`,
    name,
  }));
  const classes: ClassRecord[] = [];
  for (const topic of TOPICS) {
    for (const level of pickSome(random, LEVELS, 3, 1)) {
      classes.push({
        id: `https://badges.example/classes/${topic.toLowerCase()}-${level.toLowerCase().replace(/ /g, '-')}`,
        name: `${topic} ${level}`,
        issuerId: pick(random, issuers).id,
        credentialType: pick(random, CREDENTIAL_TYPES),
        skills: pickSome(random, skillPool, 3, 1),
      });
    }
  }
  const hiddenOnly: HiddenOnly = {
    classId: 'https://badges.example/classes/zyzzyva-secret',
    className: 'Zyzzyva Secret Badge',
    issuerId: 'did:web:quokka-hidden.example',
    issuerName: 'Quokka Hidden Institute',
    skillId: secretSkill,
  };
  const secretClass: ClassRecord = {
    id: hiddenOnly.classId,
    name: hiddenOnly.className,
    issuerId: hiddenOnly.issuerId,
    credentialType: 'certificate',
    skills: [secretSkill],
  };
  const allIssuers = [...issuers, { id: hiddenOnly.issuerId, name: hiddenOnly.issuerName }];

  const records: EarnerRecord[] = [];
  const credentials: CredentialDocument[] = [];
  const settings: DirectorySettingsDocument[] = [];
  const threeYears = 3 * 365 * 86_400_000;
  for (let n = 0; n < earnerCount; n++) {
    const earnerId = `earner-${String(n).padStart(4, '0')}`;
    const name = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    const email = `${earnerId}@example.org`;
    const listed = random() < 0.75;
    const regionCode = random() < 0.9 ? pick(random, Object.keys(REGIONS)) : undefined;
    const centre = regionCode ? REGIONS[regionCode]! : undefined;
    const geo = centre ? { lat: centre.lat + (random() - 0.5) * 3, lon: centre.lon + (random() - 0.5) * 3 } : undefined;
    const badgeClasses = pickSome(random, classes, 6, 1);
    // Some earners hold the secret badge, always hidden (or they are unlisted).
    if (random() < 0.08) badgeClasses.push(secretClass);
    const badges: BadgeRecord[] = [];
    const hiddenBadges: string[] = [];
    badgeClasses.forEach((cls, i) => {
      const credentialId = `urn:uuid:${earnerId}-${i}`;
      const hidden = cls === secretClass || random() < 0.15;
      if (hidden) hiddenBadges.push(credentialId);
      const roll = random();
      const status: VerificationStatus = roll < 0.7 ? 'VERIFIED' : roll < 0.85 ? 'UNVERIFIED' : 'FAILED';
      // Most failures are expiries (shown to employers as EXPIRED); the rest are bad signatures (never shown).
      const reasons =
        status === 'VERIFIED' ? [] : status === 'UNVERIFIED' ? ['ISSUER_UNREACHABLE'] : roll < 0.93 ? ['EXPIRED'] : ['BAD_SIGNATURE'];
      const shownAs = status === 'VERIFIED' ? 'VERIFIED' : reasons[0] === 'EXPIRED' ? 'EXPIRED' : undefined;
      const issuedOn = isoDay(new Date(now.getTime() - Math.floor(random() * threeYears)));
      const issuer = allIssuers.find((x) => x.id === cls.issuerId)!;
      badges.push({
        credentialId,
        classId: cls.id,
        issuerId: cls.issuerId,
        credentialType: cls.credentialType,
        skills: cls.skills,
        skillsExpanded: expand(taxonomy, cls.skills),
        frameworks: [...new Set(cls.skills.map((id) => id.slice(0, id.indexOf(':'))))],
        issuedOn,
        status,
        reasons,
        ...(shownAs ? { shownAs } : {}),
        visible: listed && !hidden && shownAs !== undefined,
      });
      credentials.push({
        key: credentialKey(issuer.id, credentialId),
        id: credentialId,
        earnerId,
        identityKeys: [`email:${email}`],
        recipientName: name,
        format: 'ob3-json-ld',
        source: `generated/${earnerId}`,
        issuer: { id: issuer.id, name: issuer.name },
        achievement: { id: cls.id, name: cls.name, credentialType: cls.credentialType, tags: [], alignments: [] },
        skills: cls.skills,
        unmappedSkills: [],
        evidence: [],
        issuedOn,
        verification: { status, reasons, method: 'generated', checkedAt: now.toISOString() },
        // Generated issuers stand for registry-recognized ones: default searches see their badges.
        authority: [issuer.id],
        issuerRecognition: { status: 'RECOGNIZED', entryId: issuer.id, name: issuer.name },
        raw: '',
        ingestedAt: now.toISOString(),
      });
    });
    records.push({ earnerId, name, email, listed, ...(regionCode ? { region: regionCode } : {}), ...(geo ? { geo } : {}), badges });
    settings.push({
      ...defaultDirectorySettings(earnerId, now),
      listed,
      contactable: random() < 0.5,
      hiddenBadges,
      headline: `${pick(random, TOPICS)} specialist`,
      contactChannel: 'email',
      contactValue: email,
      ...(regionCode && geo ? { location: { city: `${regionCode} city`, region: regionCode, country: regionCode.slice(0, 2), geo } } : {}),
    });
  }
  return { records, classes: [...classes, secretClass], issuers: allIssuers, skillPool, hiddenOnly, credentials, settings };
}

async function bulkWrite(client: Client, index: string, documents: readonly { id: string; document: object }[]): Promise<void> {
  for (let start = 0; start < documents.length; start += 1000) {
    const operations = documents
      .slice(start, start + 1000)
      .flatMap(({ id, document }) => [{ index: { _index: index, _id: id } }, document]);
    const response = await client.bulk({ operations, refresh: false });
    if (response.errors) throw new Error(`bulk write to ${index} failed: ${JSON.stringify(response.items.find((i) => i.index?.error))}`);
  }
  await client.indices.refresh({ index });
}

/** The skills index as the indexer writes it (with its completion inputs). */
export function skillDocuments(taxonomy: Taxonomy): IndexedSkillDocument[] {
  return taxonomy.entries.map(skillDocument);
}

/** Generates the directory, builds earner documents with the indexer's builder and writes every index. */
export async function seedSearchFixture(name: string, seed = 42, earnerCount = 300, shards = 1): Promise<SearchFixture> {
  const client = engineClient();
  const prefix = uniquePrefix(name);
  const taxonomy = loadTaxonomy();
  const now = FIXTURE_NOW;
  const generated = generateDirectory(taxonomy, seed, earnerCount, now);
  const lookup = skillLookup(taxonomy);
  const earners = generated.records
    .map((record) =>
      buildEarnerDocument({
        earnerId: record.earnerId,
        credentials: generated.credentials.filter((c) => c.earnerId === record.earnerId),
        settings: generated.settings.find((s) => s.earnerId === record.earnerId)!,
        skills: lookup,
        pathways: [],
        now,
      }),
    )
    .filter((doc): doc is EarnerDocument => doc !== null);
  const issuerName = new Map(generated.issuers.map((i) => [i.id, i.name]));
  const badgeClasses: IndexedBadgeClassDocument[] = generated.classes.map((cls) => ({
    id: cls.id,
    name: cls.name,
    description: `${cls.name}, as assessed by its issuer.`,
    credentialType: cls.credentialType,
    issuerId: cls.issuerId,
    issuerName: issuerName.get(cls.issuerId)!,
    tags: [cls.name.split(' ')[0]!.toLowerCase()],
    alignments: [],
    skills: cls.skills,
    pathways: [],
    updatedAt: now.toISOString(),
    suggest: { input: [cls.name] },
  }));
  const target = { client, prefix, replicas: 0, shards };
  await ensureAllIndices(target);
  await bulkWrite(
    client,
    aliasName(prefix, 'earners'),
    earners.map((doc) => ({ id: doc.earnerId, document: doc })),
  );
  await bulkWrite(
    client,
    aliasName(prefix, 'badge-classes'),
    badgeClasses.map((doc) => ({ id: doc.id, document: doc })),
  );
  await bulkWrite(
    client,
    aliasName(prefix, 'skills'),
    skillDocuments(taxonomy).map((doc) => ({ id: doc.id, document: doc })),
  );
  // The registry recognizes every generated issuer (their badges carry RECOGNIZED).
  // The hidden-only issuer was only seen in credentials (PENDING): no lookup may reveal it while no listed earner shows its badge.
  const registryStatus = (id: string) =>
    id === generated.hiddenOnly.issuerId
      ? { status: 'PENDING' as const, provenance: { format: 'seen' as const, source: 'generated', rank: 1_000_000 } }
      : {};
  await bulkWrite(
    client,
    aliasName(prefix, 'issuers'),
    generated.issuers.map((i) => ({ id: i.id, document: registryEntry(i.id, i.name, registryStatus(i.id)) })),
  );
  return {
    prefix,
    client,
    now,
    taxonomy,
    records: generated.records,
    classes: generated.classes,
    issuers: generated.issuers,
    skillPool: generated.skillPool,
    hiddenOnly: generated.hiddenOnly,
    regions: REGIONS,
    async cleanup() {
      await deleteAllIndices(target);
      await client.close();
    },
  };
}

export { VERIFICATION_STATUSES };
