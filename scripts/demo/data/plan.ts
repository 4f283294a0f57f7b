/**
 * Plans the whole data set before anything is signed: who the earners are,
 * which badges they hold, when each was issued, which ones are broken on
 * purpose and how. Planning is cheap and pure; signing (slow) then works from
 * the plan, in any order or thread, and the plan is the ground truth.
 */
import type { ContactChannel } from '../../../mappings/directory-settings.ts';
import { US_CITIES, type DemoCity } from './cities.ts';
import { ISSUING_METHODS, type IssuingMethod } from './catalog-types.ts';
import type { IssuerSetup } from '../issuers/issuers.ts';
import { CONTACT_CHANNEL_WEIGHTS, FIRST_NAMES, LAST_NAMES, WORK_TYPES } from './people.ts';
import { randomFor, uuidFor, type Random } from './prng.ts';
import type { PlantedReason, ResolvedDemoOptions } from '../types.ts';
import type { DemoUrls } from '../urls.ts';

/** One credential to issue. */
export interface PlannedBadge {
  line: number;
  earnerIndex: number;
  issuerIndex: number;
  achievementIndex: number;
  uuid: string;
  credentialId: string;
  email: string;
  name: string;
  issuedOn: string;
  validUntil?: string;
  defect?: PlantedReason;
  /** Position in the issuer's Bitstring Status List. */
  statusIndex?: number;
  hidden: boolean;
  /** The earner's first badge: always a valid OB 3.0 credential with a plain email and a name, so every earner can be identified and named. */
  anchor: boolean;
}

/** One earner with their consent choices. */
export interface PlannedEarner {
  index: number;
  email: string;
  name: string;
  displayName?: string;
  headline?: string;
  city: DemoCity;
  listed: boolean;
  contactable: boolean;
  contactChannel?: ContactChannel;
  contactValue?: string;
  statsOptIn: boolean;
  openTo: string[];
  badges: PlannedBadge[];
}

export interface DemoPlan {
  earners: PlannedEarner[];
  badges: PlannedBadge[];
}

const DAY_MS = 86_400_000;
/** Weights of holding 1..8 badges: most earners hold several. */
const BADGE_COUNT_WEIGHTS = [8, 16, 20, 18, 14, 11, 8, 5];
/** Share of each planted defect per issuing method (at least one of each wherever possible). */
const DEFECT_RATES: { reason: PlantedReason; rate: number; methods: readonly IssuingMethod[] }[] = [
  { reason: 'REVOKED', rate: 0.015, methods: ISSUING_METHODS },
  { reason: 'EXPIRED', rate: 0.012, methods: ISSUING_METHODS },
  { reason: 'NOT_YET_VALID', rate: 0.006, methods: ISSUING_METHODS },
  // a hosted assertion has no signature to break
  { reason: 'BAD_SIGNATURE', rate: 0.01, methods: ISSUING_METHODS.filter((m) => m !== 'ob2-hosted') },
];

const isOb3 = (setup: IssuerSetup): boolean => setup.definition.method.startsWith('ob3-');
const asciiName = (name: string): string => name.toLowerCase().replace(/[^a-z]/g, '');

interface Pick {
  issuerIndex: number;
  achievementIndex: number;
}

function pickBadges(r: Random, setups: readonly IssuerSetup[]): Pick[] {
  const picks: Pick[] = [];
  const add = (pick: Pick): void => {
    if (!picks.some((p) => p.issuerIndex === pick.issuerIndex && p.achievementIndex === pick.achievementIndex)) picks.push(pick);
  };
  const randomAchievement = (setup: IssuerSetup): Pick => ({
    issuerIndex: setup.index,
    achievementIndex: setup.achievements.indexOf(r.weighted(setup.achievements, (a) => a.definition.weight ?? 1)),
  });
  const target = r.weighted([1, 2, 3, 4, 5, 6, 7, 8], (n) => BADGE_COUNT_WEIGHTS[n - 1]!);
  add(randomAchievement(r.weighted(setups.filter(isOb3), (s) => s.definition.weight)));
  const withPathways = setups.filter((s) => s.pathways.length > 0);
  if (withPathways.length > 0 && r.chance(0.3)) {
    const setup = r.weighted(withPathways, (s) => s.definition.weight);
    const pathway = r.pick(setup.pathways);
    const take = r.chance(0.5) ? pathway.badgeClasses.length : r.int(1, pathway.badgeClasses.length - 1);
    for (const badgeClass of r.shuffle(pathway.badgeClasses).slice(0, take)) {
      add({ issuerIndex: setup.index, achievementIndex: setup.achievements.findIndex((a) => a.id === badgeClass) });
    }
  }
  for (let attempts = 0; picks.length < target && attempts < 40; attempts++) {
    add(randomAchievement(r.weighted(setups, (s) => s.definition.weight)));
  }
  return picks;
}

function contactValueFor(channel: ContactChannel, email: string, first: string, last: string, index: number): string {
  if (channel === 'email') return email;
  // 555-01xx numbers are reserved for fiction
  if (channel === 'phone') return `+1-555-01${String(index % 100).padStart(2, '0')}`;
  return `https://portfolio.demo-earners.test/${first}-${last}-${index + 1}`;
}

function planEarner(index: number, options: ResolvedDemoOptions, setups: readonly IssuerSetup[], firstLine: number): PlannedEarner {
  const r = randomFor(options.seed, 'earner', index);
  const first = r.pick(FIRST_NAMES);
  const last = r.pick(LAST_NAMES);
  const name = `${first} ${last}`;
  const email = `${asciiName(first)}.${asciiName(last)}.${index + 1}@demo-earners.test`;
  const city = r.weighted(US_CITIES, (c) => c.weight);
  const picks = pickBadges(r, setups);
  // older badges first, so pathway badges stack up over time
  const ages = picks.map(() => 1 + Math.floor(r.next() ** 1.5 * 1800)).sort((a, b) => b - a);
  const listed = r.chance(0.6);
  const hidden = new Set<number>();
  if (picks.length >= 2 && r.chance(listed ? 0.25 : 0.05)) hidden.add(r.int(0, picks.length - 1));
  if (picks.length >= 5 && r.chance(0.3)) hidden.add(r.int(0, picks.length - 1));
  const contactable = listed && r.chance(0.45);
  const contactChannel = contactable ? r.weighted(CONTACT_CHANNEL_WEIGHTS, (c) => c.weight).channel : undefined;
  const statsOptIn = listed ? r.chance(0.8) : r.chance(0.3);
  const headlineIssuer = setups[r.pick(picks).issuerIndex]!;
  const headline = r.chance(0.8) ? r.pick(headlineIssuer.definition.headlines) : undefined;
  const openTo = r.shuffle(WORK_TYPES).slice(0, r.int(0, 3));
  const displayName = r.chance(0.05) ? `${first} ${last[0]}.` : undefined;
  const badges = picks.map((pick, i): PlannedBadge => {
    const line = firstLine + i;
    const uuid = uuidFor(options.seed, 'credential', line);
    return {
      line,
      earnerIndex: index,
      ...pick,
      uuid,
      credentialId: '',
      email,
      name,
      // provisional: the age in days, turned into dates once defects are known
      issuedOn: String(ages[i]),
      hidden: hidden.has(i),
      anchor: i === 0,
    };
  });
  return {
    index,
    email,
    name,
    ...(displayName ? { displayName } : {}),
    ...(headline ? { headline } : {}),
    city,
    listed,
    contactable,
    ...(contactChannel
      ? { contactChannel, contactValue: contactValueFor(contactChannel, email, asciiName(first), asciiName(last), index) }
      : {}),
    statsOptIn,
    openTo,
    badges,
  };
}

/** Plants defects: per issuing method, a share of the non-anchor badges, chosen by a seeded shuffle. */
function plantDefects(badges: readonly PlannedBadge[], setups: readonly IssuerSetup[], seed: number): void {
  for (const method of ISSUING_METHODS) {
    const eligible = badges.filter((b) => !b.anchor && setups[b.issuerIndex]!.definition.method === method);
    const queue = randomFor(seed, 'defects', method).shuffle(eligible);
    for (const { reason, rate, methods } of DEFECT_RATES) {
      if (!methods.includes(method)) continue;
      const count = Math.max(1, Math.round(rate * eligible.length));
      for (const badge of queue.splice(0, count)) badge.defect = reason;
    }
  }
}

const isoAt = (ms: number): string => new Date(ms).toISOString();

/** Issue and expiry dates from the provisional age, the issuer's validity period and the planted defect. */
function assignDates(badge: PlannedBadge, setup: IssuerSetup, options: ResolvedDemoOptions): void {
  const r = randomFor(options.seed, 'dates', badge.line);
  const today = Math.floor(options.now.getTime() / DAY_MS) * DAY_MS;
  const hour = r.int(9, 17) * 3_600_000;
  const years = setup.definition.validForYears;
  const validity = (years ?? 1) * 365 * DAY_MS;
  let issued: number;
  let until: number | undefined;
  if (badge.defect === 'EXPIRED') {
    until = today - r.int(30, 700) * DAY_MS + hour;
    issued = until - validity;
  } else if (badge.defect === 'NOT_YET_VALID') {
    issued = today + r.int(400, 800) * DAY_MS + hour;
    until = years ? issued + validity : undefined;
  } else {
    // valid badges stay valid for at least two more years, so the data set ages well
    const age = years ? Math.min(Number(badge.issuedOn), years * 365 - 730) : Number(badge.issuedOn);
    issued = today - Math.max(1, age) * DAY_MS + hour;
    until = years ? issued + validity : undefined;
  }
  badge.issuedOn = isoAt(issued);
  if (until !== undefined) badge.validUntil = isoAt(until);
}

function credentialIdOf(badge: PlannedBadge, setup: IssuerSetup, urls: DemoUrls): string {
  return setup.definition.method === 'ob2-hosted' ? urls.ob2Assertion(setup.definition.slug, badge.uuid) : `urn:uuid:${badge.uuid}`;
}

export function planDemo(options: ResolvedDemoOptions, setups: readonly IssuerSetup[], urls: DemoUrls): DemoPlan {
  const earners: PlannedEarner[] = [];
  const badges: PlannedBadge[] = [];
  for (let index = 0; index < options.earners; index++) {
    const earner = planEarner(index, options, setups, badges.length);
    earners.push(earner);
    badges.push(...earner.badges);
  }
  plantDefects(badges, setups, options.seed);
  const nextStatusIndex = new Map<number, number>();
  for (const badge of badges) {
    const setup = setups[badge.issuerIndex]!;
    assignDates(badge, setup, options);
    badge.credentialId = credentialIdOf(badge, setup, urls);
    if (setup.summary.revocation === 'bitstring') {
      const index = nextStatusIndex.get(setup.index) ?? 0;
      badge.statusIndex = index;
      nextStatusIndex.set(setup.index, index + 1);
    }
  }
  return { earners, badges };
}
