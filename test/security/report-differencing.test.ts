/**
 * Attack (issue 10, item 7) against the real API: (a) 12 months minus 11
 * months exposed 1-4 postings; (b) moving one's own earner into a region
 * turned a suppressed 4 into a shown 5. Here an attacker who knows the
 * published method but not the secret tries window, region and occupation
 * differences and toggles their own earners' opt-in, and never narrows a
 * hidden count from 1 to 4 to one value, except by a sum in the rare case
 * where every cell's noise sits at its extreme (README "Report disclosure
 * control"), which the test predicts from this run's secret.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { expandWithAncestors, loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';
import { buildEarnerDocument } from '../../mappings/earner-document.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { PostingDocument } from '../../mappings/postings.ts';
import { REPORT_QUERY, startReportApi, type ReportApi, type ReportJson } from '../api/reports-harness.ts';
import { credentialOf } from '../support/account-api.ts';
import { testIndices, useSharedTaxonomy } from '../support/engine.ts';
import { fromNoised, noiseOf, type PublishedCell } from '../support/report-disclosure.ts';
import { assume, fromSum, fromToggles, fromWindows, NOISED } from './report-differencing-attacker.ts';

const taxonomy = loadTaxonomy();
const target = testIndices('sec-report-diff');
const NOW = new Date('2026-11-01T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const WINDOWED = 'onet:2.B.3.k';
const REGIONAL = 'onet:2.B.3.h';
const OCCUPIED = 'onet:2.B.3.e';
const HELD = 'onet:2.B.3.m';
const SECRET = randomBytes(32).toString('hex');
let t: ReportApi;
let seq = 0;

async function postings(count: number, skill: string, postedOn: Date, region: string, occupation?: string): Promise<void> {
  const operations: object[] = [];
  for (let i = 0; i < count; i++) {
    const posting: PostingDocument = {
      id: `posting-${++seq}`,
      title: 'Technician',
      employer: 'Acme',
      region,
      postedOn: postedOn.toISOString(),
      skills: [skill],
      skillsExpanded: expandWithAncestors(taxonomy, [skill]),
      unmappedSkills: [],
      source: 'test',
      ingestedAt: postedOn.toISOString(),
      ...(occupation ? { occupation } : {}),
    };
    operations.push({ index: { _index: aliasName(target.prefix, 'postings'), _id: posting.id } }, posting);
  }
  await target.client.bulk({ operations, refresh: true });
}

/** Earners holding `skill` in a verified badge, with their opt-in to statistics. */
async function earners(ids: readonly string[], skill: string, region: string, statsOptIn: boolean): Promise<void> {
  const operations: object[] = [];
  for (const earnerId of ids) {
    const credential = { ...credentialOf({ earnerId, email: `${earnerId}@example.org`, name: earnerId, badges: 1 }, 0), skills: [skill] };
    const settings = { ...defaultDirectorySettings(earnerId, NOW), statsOptIn, location: { city: 'Somewhere', region, country: 'US' } };
    const document = buildEarnerDocument({
      earnerId,
      credentials: [credential],
      settings,
      skills: skillLookup(taxonomy),
      pathways: [],
      now: NOW,
    });
    operations.push({ index: { _index: aliasName(target.prefix, 'earners'), _id: earnerId } }, document!);
  }
  await target.client.bulk({ operations, refresh: true });
}

async function cell(input: Record<string, unknown>, skill: string, side: 'demand' | 'supply'): Promise<PublishedCell> {
  const result = await t.gql<{ skillGapReport: ReportJson }>(REPORT_QUERY, { input: { ...input, skills: [skill] } }, t.tokens.agency);
  expect(result.body.errors, result.raw).toBeUndefined();
  return result.body.data!.skillGapReport.rows[0]![side];
}

/**
 * Whether this run's secret gives the three demand cells (part, other, both) the one noise combination that lets
 * the sum pin `part` (each noise at its extreme, part and other the same way: README "Report disclosure control").
 * Computed from the documented method, independently of the API.
 */
function pinsBySum(part: number, other: number, ...cells: [skillId: string, region?: string, occupation?: string][]): boolean {
  const [a, b, whole] = cells.map(([skillId, region, occupation]) => noiseOf({ measure: 'demand', skillId, region, occupation }, SECRET));
  return fromSum(fromNoised(part + a!), [fromNoised(other + b!)], fromNoised(part + other + whole!)).length === 1;
}

beforeAll(async () => {
  const store = new IndexStore(target);
  await useSharedTaxonomy(store.target);
  await store.ensureIndices();
  // (a) 33 postings in the last 6 months and 4 more in months 7 to 12.
  await postings(33, WINDOWED, daysAgo(40), 'US-OH');
  await postings(4, WINDOWED, daysAgo(250), 'US-OH');
  // Regions: 3 in Ohio, 21 in Kentucky.
  await postings(3, REGIONAL, daysAgo(20), 'US-OH');
  await postings(21, REGIONAL, daysAgo(20), 'US-KY');
  // Occupations: 2 postings of one, 22 of another.
  await postings(2, OCCUPIED, daysAgo(20), 'US-OH', '15-1252.00');
  await postings(22, OCCUPIED, daysAgo(20), 'US-OH', '17-2112.00');
  // (b) 4 earners in Ohio hold HELD (the hidden count), 9 in Kentucky; the attacker controls 8 more in Ohio, opted out.
  await earners(['h-1', 'h-2', 'h-3', 'h-4'], HELD, 'US-OH', true);
  await earners(
    Array.from({ length: 9 }, (_, i) => `k-${i}`),
    HELD,
    'US-KY',
    true,
  );
  await earners(
    Array.from({ length: 8 }, (_, i) => `attacker-${i}`),
    HELD,
    'US-OH',
    false,
  );
  // The secret is the server's: the attacker does not know it.
  t = await startReportApi(target.client, target.prefix, NOW, { REPORT_NOISE_SECRET: SECRET });
  assume(NOISED);
}, 240_000);
afterAll(async () => {
  await t?.close();
  await target.cleanup();
});

describe('differencing the skill-gap reports', () => {
  it('(a) windows: only 3, 6, 12 and 24 months exist, and 12 minus 6 does not pin the 4 older postings', async () => {
    const eleven = await t.gql(REPORT_QUERY, { input: { postedWithinMonths: 11 } }, t.tokens.agency);
    expect(eleven.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'postedWithinMonths',
      requestId: expect.any(String),
    });
    const [six, twelve] = [
      await cell({ region: 'US-OH', postedWithinMonths: 6 }, WINDOWED, 'demand'),
      await cell({ region: 'US-OH', postedWithinMonths: 12 }, WINDOWED, 'demand'),
    ];
    const candidates = fromWindows(six, twelve);
    expect(candidates).toContain(4);
    expect(candidates.length).toBeGreaterThan(1);
  });

  it('regions and occupations: all minus the others pins the small one only when every noise is at its extreme', async () => {
    const [ohio, kentucky, all] = [
      await cell({ region: 'US-OH' }, REGIONAL, 'demand'),
      await cell({ region: 'US-KY' }, REGIONAL, 'demand'),
      await cell({}, REGIONAL, 'demand'),
    ];
    const byRegion = fromSum(ohio, [kentucky], all);
    expect(byRegion).toContain(3);
    expect(byRegion.length > 1).toBe(!pinsBySum(3, 21, [REGIONAL, 'US-OH'], [REGIONAL, 'US-KY'], [REGIONAL]));
    const [small, large, every] = [
      await cell({ occupation: '15-1252.00' }, OCCUPIED, 'demand'),
      await cell({ occupation: '17-2112.00' }, OCCUPIED, 'demand'),
      await cell({}, OCCUPIED, 'demand'),
    ];
    const byOccupation = fromSum(small, [large], every);
    expect(byOccupation).toContain(2);
    expect(byOccupation.length > 1).toBe(
      !pinsBySum(2, 22, [OCCUPIED, undefined, '15-1252.00'], [OCCUPIED, undefined, '17-2112.00'], [OCCUPIED]),
    );
  });

  it('(b) opt-in changes: opting in 0 to 8 of their own earners does not pin the hidden 4', async () => {
    const observed: PublishedCell[] = [];
    for (let k = 0; k <= 8; k++) {
      if (k > 0) await earners([`attacker-${k - 1}`], HELD, 'US-OH', true);
      observed.push(await cell({ region: 'US-OH' }, HELD, 'supply'));
    }
    const candidates = fromToggles(observed);
    expect(candidates).toContain(4);
    expect(candidates.length).toBeGreaterThan(1);
  });

  it('asking again, or another way, gives the same numbers: nothing to average', async () => {
    const ways = [
      { region: 'US-OH', skills: [WINDOWED] },
      { region: 'US-OH', skills: [WINDOWED, REGIONAL] },
      { region: 'US-OH', framework: 'onet', first: 500 },
      { region: 'US-OH', sort: 'SUPPLY', first: 500 },
    ];
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      for (const input of ways) {
        const result = await t.gql<{ skillGapReport: ReportJson }>(REPORT_QUERY, { input }, t.tokens.agency);
        const row = result.body.data!.skillGapReport.rows.find((r) => r.skill.id === WINDOWED)!;
        seen.add(JSON.stringify([row.demand, row.supply]));
      }
    }
    const csv = await t.csv({ region: 'US-OH', skills: WINDOWED }, t.tokens.agency);
    expect(seen.size).toBe(1);
    const [demand] = JSON.parse([...seen][0]!) as PublishedCell[];
    expect(csv.raw.split('\r\n')[1]!.split(',')[3]).toBe(demand!.suppressed ? '<5' : String(demand!.value));
  });
});
