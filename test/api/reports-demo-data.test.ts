import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDataset } from '../../scripts/demo/types.ts';
import { preparePosting } from '../../indexer/demand/prepare.ts';
import type { ImportRow } from '../../indexer/ingest/imports.ts';
import { loadOccupationProfiles, loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { PostingDocument } from '../../mappings/postings.ts';
import type { SearchLogDocument } from '../../mappings/search-log.ts';
import { loadDemoDirectory, type DemoDirectory } from '../support/demo-directory.ts';
import { cellText, expectedCell, expectedRatio, fromNoised, TEST_NOISE_SECRET, type CellOf } from '../support/report-disclosure.ts';
import { oracleMonthsBefore } from '../support/calendar-oracle.ts';
import {
  countCells,
  parseCsv,
  REPORT_QUERY,
  startReportApi,
  TREND_QUERY,
  type CellJson,
  type ReportApi,
  type ReportJson,
} from './reports-harness.ts';

/**
 * Skill-gap reports on the generated demo data, loaded through the real
 * pipeline (postings through `indexer demand`, credentials verified over
 * HTTP). Ground truth: the generator's records and postings file, counted
 * by brute force here, with the consent and disclosure rules (noise keyed
 * by the test secret, rounding, suppression) written out again independently
 * of the code under test.
 */
const THRESHOLD = 5;
const taxonomy = loadTaxonomy();
const profiles = loadOccupationProfiles();
const now = new Date('2026-11-01T00:00:00Z');
let demo: DemoDirectory;
let target: DemoDirectory['target'];
let dataset: DemoDataset;
let postings: PostingDocument[];
let t: ReportApi;

interface Scope {
  region?: string;
  framework?: string;
  occupation?: string;
  postedWithinMonths?: number;
  skills?: string[];
}

const expand = (ids: readonly string[]): string[] => [...new Set(ids.flatMap((id) => [id, ...(taxonomy.byId.get(id)?.ancestors ?? [])]))];
const bump = (map: Map<string, number>, keys: Iterable<string>) => {
  for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
};

/** Earners counted once per skill: stats opt-in counts every verified badge, listed-only the verified badges they show, anyone else nothing. */
function supplyTruth(region: string | undefined): Map<string, number> {
  const supply = new Map<string, number>();
  for (const r of dataset.records) {
    if (region && r.location.region !== region) continue;
    const counted = r.badges.filter((b) => b.status === 'VERIFIED' && (r.statsOptIn || (r.listed && !b.hidden)));
    bump(supply, new Set(counted.flatMap((b) => expand(b.skills))));
  }
  return supply;
}

function demandTruth(scope: Scope): Map<string, number> {
  const from = oracleMonthsBefore(now, scope.postedWithinMonths ?? 12);
  const demand = new Map<string, number>();
  for (const p of postings) {
    const posted = new Date(p.postedOn);
    if (posted < from || posted > now) continue;
    if (scope.region && p.region !== scope.region) continue;
    if (scope.occupation && p.occupation !== scope.occupation) continue;
    bump(demand, expand(p.skills));
  }
  return demand;
}

interface TruthRow {
  demand: number;
  supply: number;
  importance: number | null;
  /** What the API must publish for them (the test secret fixes every cell's noise). */
  published: { demand: CellJson; supply: CellJson; ratio: CellJson };
}

const cellOf = (measure: CellOf['measure'], skillId: string, scope: Scope): CellOf => ({
  measure,
  skillId,
  region: scope.region,
  occupation: scope.occupation,
  windowMonths: scope.postedWithinMonths ?? 12,
});

function publishedRow(skillId: string, scope: Scope, demand: number, supply: number): TruthRow['published'] {
  const d = expectedCell(demand, cellOf('demand', skillId, scope));
  const s = expectedCell(supply, cellOf('supply', skillId, scope));
  return { demand: d, supply: s, ratio: expectedRatio(d, s) };
}

const isEmpty = (p: TruthRow['published']) => p.demand.value === 0 && !p.demand.suppressed && p.supply.value === 0 && !p.supply.suppressed;

function truth(scope: Scope): Map<string, TruthRow> {
  const demand = demandTruth(scope);
  const supply = supplyTruth(scope.region);
  const profile = scope.occupation ? profiles.get(scope.occupation) : undefined;
  const occupationSkills = scope.occupation
    ? new Set([...(profile?.skills ?? []).map((s) => s.skillId), ...(profile?.technologies ?? []).map((s) => s.skillId), ...demand.keys()])
    : null;
  const candidates = scope.skills ?? [...new Set([...demand.keys(), ...supply.keys()])];
  const rows = new Map<string, TruthRow>();
  for (const id of candidates) {
    if (scope.framework && !id.startsWith(`${scope.framework}:`)) continue;
    if (occupationSkills && !occupationSkills.has(id)) continue;
    const [d, s] = [demand.get(id) ?? 0, supply.get(id) ?? 0];
    const published = publishedRow(id, scope, d, s);
    // Without an explicit list, a row whose demand and supply both publish as 0 is left out.
    if (!scope.skills && isEmpty(published)) continue;
    rows.set(id, {
      demand: d,
      supply: s,
      importance: scope.occupation ? (profile?.skills.find((s) => s.skillId === id)?.importance ?? null) : null,
      published,
    });
  }
  return rows;
}

function expectRow(row: { demand: CellJson; supply: CellJson; ratio: CellJson }, expected: TruthRow, context: string): void {
  expect(row.demand, `demand ${context}`).toEqual(expected.published.demand);
  expect(row.supply, `supply ${context}`).toEqual(expected.published.supply);
  if (expected.published.ratio.value === null) expect(row.ratio, `ratio ${context}`).toEqual(expected.published.ratio);
  else expect(row.ratio.value, `ratio ${context}`).toBeCloseTo(expected.published.ratio.value, 9);
  // Within the documented bounds of the true counts: noise -2..+2, rounding to 5.
  for (const side of ['demand', 'supply'] as const) {
    const shown = row[side].value;
    if (shown !== null && shown > 0) expect(Math.abs(shown - expected[side]), `${side} ${context}`).toBeLessThanOrEqual(4);
  }
}

async function report(
  scope: Scope & { first?: number; sort?: string },
  token = t.tokens.agency,
): Promise<{ report: ReportJson; raw: string }> {
  const result = await t.gql<{ skillGapReport: ReportJson }>(REPORT_QUERY, { input: scope }, token);
  expect(result.body.errors, result.raw).toBeUndefined();
  return { report: result.body.data!.skillGapReport, raw: result.raw };
}

const csvParams = (scope: Scope & { sort?: string; first?: number }): Record<string, string> =>
  Object.fromEntries(Object.entries(scope).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(',') : String(v)]])));

/** Fails on any shown count from 1 to threshold - 1 (and on any shown count that is not a multiple of 5). */
function expectNoSmallCounts(body: unknown, context: string): void {
  for (const { key, cell: c } of countCells(body)) {
    if (c.suppressed) expect(c.value, `${key} ${context}`).toBeNull();
    else if (c.value !== null && !key.includes('change'))
      expect(c.value === 0 || (c.value >= THRESHOLD && c.value % 5 === 0), `${key}=${c.value} ${context}`).toBe(true);
  }
}

function expectNoSmallCsvCounts(raw: string, context: string): number {
  let suppressed = 0;
  for (const row of parseCsv(raw)) {
    for (const column of ['demand', 'supply', 'searches', 'searches_with_few_results']) {
      const text = row[column]!;
      if (text === `<${THRESHOLD}`) suppressed++;
      else expect(Number(text) === 0 || (Number(text) >= THRESHOLD && Number(text) % 5 === 0), `${column}=${text} ${context}`).toBe(true);
    }
  }
  return suppressed;
}

beforeAll(async () => {
  demo = await loadDemoDirectory('reports-demo', taxonomy, { earners: 150, seed: 29, now });
  ({ dataset, target } = demo);
  expect(demo.summary.rejected).toBe(0);
  postings = dataset.postings.flatMap((row, i) => {
    const prepared = preparePosting(row as unknown as ImportRow, `demo/postings.jsonl:${i + 1}`, taxonomy, now);
    return prepared.ok ? [prepared.posting] : [];
  });
  expect(postings).toHaveLength(dataset.postings.length);
  t = await startReportApi(target.client, target.prefix, now);
}, 240_000);
afterAll(async () => {
  await t?.close();
  await demo?.close();
});

/** The regions and occupations with the most data, so scopes have real numbers. */
function busiest<T>(values: T[]): T[] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

describe('skill-gap report on the generated demo data', () => {
  it('reports demand, supply and ratio equal to a brute-force count, for every scope', async () => {
    const regions = busiest(dataset.records.map((r) => r.location.region));
    const occupation = busiest(postings.flatMap((p) => (p.occupation ? [p.occupation] : [])))[0]!;
    const someSkills = [...truth({}).keys()].slice(0, 6);
    const scopes: Scope[] = [
      {},
      { region: regions[0]! },
      { region: regions[1]! },
      { framework: 'onet' },
      { framework: 'esco' },
      { occupation },
      { region: regions[0]!, occupation },
      { postedWithinMonths: 3 },
      { region: regions[1]!, framework: 'onet', postedWithinMonths: 6 },
      // An explicit list gives every skill a row, also one nobody holds or asks for.
      { skills: [...someSkills, 'onet:2.B.3.m'] },
    ];
    let shownRatios = 0;
    let importances = 0;
    for (const scope of scopes) {
      const context = JSON.stringify(scope);
      const expected = truth(scope);
      const { report: found } = await report({ ...scope, first: 500, sort: 'DEMAND' });
      expect(found.totalRows, context).toBe(expected.size);
      expect(found.threshold).toBe(THRESHOLD);
      expect(found.rows.length, context).toBe(Math.min(500, expected.size));
      for (const row of found.rows) {
        const want = expected.get(row.skill.id);
        expect(want, `${row.skill.id} ${context}`).toBeDefined();
        expectRow(row, want!, `${row.skill.id} ${context}`);
        expect(row.importance, `importance ${row.skill.id} ${context}`).toBe(want!.importance);
        expect(row.skill.framework).toBe(row.skill.id.slice(0, row.skill.id.indexOf(':')));
        expect(row.skill.label).toBe(taxonomy.byId.get(row.skill.id)?.label ?? row.skill.id);
        expect(row.searches).toEqual(expectedCell(0, cellOf('searches', row.skill.id, scope)));
        if (row.ratio.value !== null) shownRatios++;
        if (row.importance !== null) importances++;
      }
      // The CSV holds every row, with the same numbers.
      const csv = await t.csv(csvParams({ ...scope, sort: 'DEMAND' }), t.tokens.agency);
      expect(csv.status, context).toBe(200);
      const csvRows = parseCsv(csv.raw);
      expect(csvRows.length, context).toBe(expected.size);
      for (const row of csvRows) {
        const want = expected.get(row.skill_id!)!;
        expect([row.demand, row.supply], `${row.skill_id} ${context}`).toEqual([
          cellText(want.published.demand),
          cellText(want.published.supply),
        ]);
      }
      expect(csvRows.slice(0, found.rows.length).map((r) => r.skill_id)).toEqual(found.rows.map((r) => r.skill.id));
    }
    expect(shownRatios).toBeGreaterThan(10);
    expect(importances).toBeGreaterThan(0);
  }, 120_000);

  it('puts the largest gaps first: by shortfall (demand minus supply); zero demand is never a gap', async () => {
    const { report: gaps } = await report({ first: 500 });
    // The documented measure, computed here from the published cells (a suppressed count ranks as 0.5).
    const rank = (c: CellJson) => (c.suppressed ? 0.5 : (c.value ?? 0));
    const tier = (r: (typeof gaps.rows)[number]) => (r.demand.suppressed ? 2 : (r.demand.value ?? 0) > 0 ? 3 : 1);
    const tiers = gaps.rows.map(tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
    const shortfalls = gaps.rows.filter((r) => tier(r) === 3).map((r) => rank(r.demand) - rank(r.supply));
    expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));
    const supplies = gaps.rows.filter((r) => tier(r) === 2).map((r) => rank(r.supply));
    expect(supplies).toEqual([...supplies].sort((a, b) => a - b));
    expect(tiers[0]).toBe(3);
  });

  it('never shows a count from 1 to threshold-1 in the report, the CSV or the trend, over many random scopes', async () => {
    const regions = [...new Set(dataset.records.map((r) => r.location.region))];
    const occupations = [...new Set(postings.flatMap((p) => (p.occupation ? [p.occupation] : [])))];
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(values: readonly T[]): T | undefined => (random() < 0.4 ? undefined : values[Math.floor(random() * values.length)]);
    let suppressedCells = 0;
    for (let i = 0; i < 30; i++) {
      const region = pick(regions);
      const framework = pick(['onet', 'esco', 'nice', 'local']);
      const scope: Scope & { sort?: string } = {
        ...(region ? { region } : {}),
        ...(framework ? { framework } : {}),
        ...(random() < 0.25 ? { occupation: occupations[Math.floor(random() * occupations.length)]! } : {}),
        postedWithinMonths: [3, 6, 12, 24][Math.floor(random() * 4)]!,
        sort: ['GAP', 'DEMAND', 'SUPPLY'][Math.floor(random() * 3)]!,
      };
      const context = JSON.stringify(scope);
      const { raw } = await report({ ...scope, first: 500 });
      expectNoSmallCounts(JSON.parse(raw), context);
      const csv = await t.csv(csvParams(scope), t.tokens.admin);
      expect(csv.status).toBe(200);
      suppressedCells += expectNoSmallCsvCounts(csv.raw, context);
    }
    expect(suppressedCells).toBeGreaterThan(0);
    const snapshot = await t.gql<{ runSkillGapSnapshot: { status: string } }>(
      'mutation { runSkillGapSnapshot { status } }',
      {},
      t.tokens.admin,
    );
    expect(snapshot.body.data?.runSkillGapSnapshot.status).toBe('OK');
    const skills = [...truth({}).keys()];
    for (let i = 0; i < 10; i++) {
      const chosen = [...new Set(Array.from({ length: 5 }, () => skills[Math.floor(random() * skills.length)]!))];
      const region = pick(regions);
      const result = await t.gql(TREND_QUERY, { input: { skills: chosen, ...(region ? { region } : {}) } }, t.tokens.agency);
      expect(result.body.errors, result.raw).toBeUndefined();
      expectNoSmallCounts(JSON.parse(result.raw), `trend ${region} ${chosen}`);
      const series = (
        result.body.data as {
          skillGapTrend: { skill: { id: string }; points: { demand: CellJson; supply: CellJson; ratio: CellJson }[] }[];
        }
      ).skillGapTrend;
      // The stored snapshot holds the same numbers as the report (default window).
      const expected = truth(region ? { region } : {});
      const scope = region ? { region } : {};
      for (const s of series)
        expectRow(
          s.points.at(-1)!,
          expected.get(s.skill.id) ?? { demand: 0, supply: 0, importance: null, published: publishedRow(s.skill.id, scope, 0, 0) },
          `trend ${s.skill.id} ${region}`,
        );
    }
    // After a snapshot, the default report compares with it: nothing changed.
    const { report: after } = await report({ first: 500 });
    expect(after.previousSnapshotAt).toBe(now.toISOString());
    for (const row of after.rows) {
      for (const side of ['demand', 'supply'] as const) {
        expect(row.change![side]).toEqual(row[side].suppressed ? { value: null, suppressed: true } : { value: 0, suppressed: false });
      }
    }
  }, 120_000);

  it('is for agencies and admins only: employers and earners are FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
    for (const [token, code] of [
      [t.tokens.employer, 'FORBIDDEN'],
      [t.tokens.earner, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const result = await t.gql(REPORT_QUERY, { input: {} }, token);
      expect(result.body.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.body.data).toBeNull();
      const trend = await t.gql(TREND_QUERY, { input: { skills: ['onet:2.B.3'] } }, token);
      expect(trend.body.errors?.[0]?.extensions?.code).toBe(code);
      const csv = await t.csv({}, token);
      expect(csv.status).toBe(code === 'FORBIDDEN' ? 403 : 401);
      expect(JSON.parse(csv.raw).errors[0].extensions.code).toBe(code);
      expect(csv.raw).not.toMatch(/skill_id/);
    }
    expect((await report({ first: 1 }, t.tokens.admin)).report.rows).toHaveLength(1);
  });

  it('rejects bad input naming the argument, in GraphQL and in the CSV route', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ region: 'XX-ZZ' }, 'region'],
      [{ framework: 'wikipedia' }, 'framework'],
      [{ occupation: '15-12' }, 'occupation'],
      [{ postedWithinMonths: 0 }, 'postedWithinMonths'],
      [{ postedWithinMonths: 61 }, 'postedWithinMonths'],
      [{ postedWithinMonths: 11 }, 'postedWithinMonths'],
      [{ first: 0 }, 'first'],
      [{ first: 501 }, 'first'],
      [{ skills: ['onet:no.such.skill'] }, 'skills'],
      [{ skills: ['plain words'] }, 'skills'],
    ];
    for (const [input, argument] of cases) {
      const result = await t.gql(REPORT_QUERY, { input }, t.tokens.agency);
      expect(result.body.errors?.[0]?.extensions, JSON.stringify(input)).toEqual({
        code: 'BAD_USER_INPUT',
        argument,
        requestId: expect.any(String),
      });
      if (argument !== 'first') {
        const csv = await t.csv(csvParams(input as Scope), t.tokens.agency);
        expect(csv.status, JSON.stringify(input)).toBe(400);
        expect(JSON.parse(csv.raw).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
      }
    }
    const trend = await t.gql(TREND_QUERY, { input: { skills: ['onet:2.B.3'], since: 'last spring' } }, t.tokens.agency);
    expect(trend.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'since', requestId: expect.any(String) });
    const typo = await t.csv({ regoin: 'US-OH' }, t.tokens.agency);
    expect(JSON.parse(typo.raw).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'regoin' });
  });

  it('serves the CSV as a download with a header row', async () => {
    const region = dataset.records[0]!.location.region;
    const csv = await t.csv({ region, framework: 'onet' }, t.tokens.agency);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="skill-gap_${region}_onet_2026-11-01.csv"`);
    expect(csv.raw.split('\r\n')[0]).toBe(
      'skill_id,skill_label,framework,demand,supply,ratio,searches,searches_with_few_results,importance,demand_change,supply_change',
    );
  });
});

describe('regions side by side and the demand behind a skill', () => {
  const COMPARISON = `query($input: RegionComparisonInput!) { regionComparison(input: $input) {
    threshold postedWithinMonths occupation skill { id label }
    populationSource { name url vintage license }
    rows { region name population postings { value suppressed } verifiedEarners { value suppressed }
           postingsPer10k { value suppressed } verifiedEarnersPer10k { value suppressed } } } }`;
  const BREAKDOWN = `query($input: DemandBreakdownInput!) { demandBreakdown(input: $input) {
    threshold skill { id label } postings { value suppressed }
    employers { name postings { value suppressed } } titles { name postings { value suppressed } } } }`;
  type Row = {
    region: string;
    name: string;
    population: number | null;
    postings: CellJson;
    verifiedEarners: CellJson;
    postingsPer10k: CellJson;
    verifiedEarnersPer10k: CellJson;
  };

  /** The shipped figures, read here by hand from the data file. */
  const population = new Map(
    readFileSync(new URL('../../mappings/data/us-population-v2024.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(([region, , residents]) => [region!, Number(residents)] as const),
  );

  const inWindow = (p: PostingDocument, months: number) => {
    const from = new Date(now);
    from.setUTCMonth(from.getUTCMonth() - months);
    const posted = new Date(p.postedOn);
    return posted >= from && posted <= now;
  };

  /** Postings and consenting verified earners per region, by brute force over the generator's records. */
  function regionTruth(skill: string | null, months: number, occupation?: string) {
    const posts = new Map<string, number>();
    const earners = new Map<string, number>();
    for (const p of postings) {
      if (!inWindow(p, months) || (occupation && p.occupation !== occupation)) continue;
      if (skill && !expand(p.skills).includes(skill)) continue;
      bump(posts, [p.region]);
    }
    for (const r of dataset.records) {
      const counted = r.badges.filter((b) => b.status === 'VERIFIED' && (r.statsOptIn || (r.listed && !b.hidden)));
      if (counted.some((b) => !skill || expand(b.skills).includes(skill))) bump(earners, [r.location.region]);
    }
    return { posts, earners };
  }

  async function comparison(input: Record<string, unknown>, token = t.tokens.agency) {
    const result = await t.gql<{ regionComparison: { rows: Row[] } & Record<string, unknown> }>(COMPARISON, { input }, token);
    expect(result.body.errors, result.raw).toBeUndefined();
    return { found: result.body.data!.regionComparison, raw: result.raw };
  }

  it('compares regions per 10,000 residents with figures equal to a brute-force count, published like report cells', async () => {
    const busiestSkill = [...truth({}).entries()].sort((a, b) => b[1].demand - a[1].demand)[0]![0];
    const occupation = busiest(postings.flatMap((p) => (p.occupation ? [p.occupation] : [])))[0]!;
    const regionsWithData = [...new Set([...postings.map((p) => p.region), ...dataset.records.map((r) => r.location.region)])].sort();
    let shownPerCapita = 0;
    for (const scope of [
      { skill: null, months: 12 },
      { skill: busiestSkill, months: 12 },
      { skill: busiestSkill, months: 6, occupation },
      { skill: null, months: 24, occupation },
    ]) {
      const context = JSON.stringify(scope);
      const input = { ...(scope.skill ? { skill: scope.skill } : {}), postedWithinMonths: scope.months, occupation: scope.occupation };
      const { found, raw } = await comparison(input);
      expectNoSmallCounts(JSON.parse(raw), context);
      expect(found.threshold).toBe(THRESHOLD);
      expect(found.populationSource).toMatchObject({
        url: expect.stringMatching(/^https:\/\/www\.census\.gov\//),
        vintage: expect.stringMatching(/2024/),
      });
      const { posts, earners } = regionTruth(scope.skill, scope.months, scope.occupation);
      const skillId = scope.skill ?? '*';
      // Regions with data, less those whose two counts both publish as 0 (as report rows).
      const cellsOf = (region: string) => [
        expectedCell(posts.get(region) ?? 0, {
          measure: 'demand',
          skillId,
          region,
          occupation: scope.occupation,
          windowMonths: scope.months,
        }),
        expectedCell(earners.get(region) ?? 0, { measure: 'supply', skillId, region }),
      ];
      const listed = regionsWithData.filter((region) => cellsOf(region).some((c) => c.suppressed || c.value !== 0));
      expect(
        found.rows.map((r) => r.region),
        context,
      ).toEqual(listed);
      expect(listed.length, context).toBeGreaterThan(3);
      for (const row of found.rows) {
        const where = `${row.region} ${context}`;
        const postingsCell = expectedCell(posts.get(row.region) ?? 0, {
          measure: 'demand',
          skillId,
          region: row.region,
          occupation: scope.occupation,
          windowMonths: scope.months,
        });
        const earnersCell = expectedCell(earners.get(row.region) ?? 0, { measure: 'supply', skillId, region: row.region });
        expect(row.postings, `postings ${where}`).toEqual(postingsCell);
        expect(row.verifiedEarners, `earners ${where}`).toEqual(earnersCell);
        expect(row.population, where).toBe(population.get(row.region) ?? null);
        for (const [perCapita, cell] of [
          [row.postingsPer10k, postingsCell],
          [row.verifiedEarnersPer10k, earnersCell],
        ] as const) {
          if (cell.suppressed) expect(perCapita, where).toEqual({ value: null, suppressed: true });
          else if (!row.population) expect(perCapita.value, where).toBeNull();
          else {
            expect(perCapita.value!, where).toBeCloseTo(((cell.value ?? 0) * 10_000) / row.population, 9);
            if ((cell.value ?? 0) > 0) shownPerCapita++;
          }
        }
      }
      // A region's figures for a skill are the report's own demand and supply cells of that skill and region.
      if (scope.skill && !scope.occupation) {
        const ohio = found.rows.find((r) => r.region === busiest(postings.map((p) => p.region))[0])!;
        const { report: regional } = await report({ region: ohio.region, skills: [scope.skill], postedWithinMonths: scope.months });
        expect([regional.rows[0]!.demand, regional.rows[0]!.supply]).toEqual([ohio.postings, ohio.verifiedEarners]);
      }
    }
    expect(shownPerCapita).toBeGreaterThan(3);
  }, 120_000);

  it('names the top employers and job titles behind a skill, counted by brute force and published like report cells', async () => {
    const skill = [...truth({}).entries()].sort((a, b) => b[1].demand - a[1].demand)[0]![0];
    const region = busiest(postings.map((p) => p.region))[0]!;
    const segmentNoise = (name: string, scope: { region?: string; months: number }) =>
      (createHmac('sha256', TEST_NOISE_SECRET)
        .update(['demand', skill, scope.region ?? 'ALL', '-', scope.months, name].join('|'))
        .digest()
        .readUInt32BE(0) %
        5) -
      2;
    let named = 0;
    for (const scope of [{ months: 12 }, { region, months: 24 }]) {
      const context = JSON.stringify(scope);
      const result = await t.gql<{
        demandBreakdown: {
          postings: CellJson;
          employers: { name: string; postings: CellJson }[];
          titles: { name: string; postings: CellJson }[];
        };
      }>(BREAKDOWN, { input: { skill, region: scope.region, postedWithinMonths: scope.months, first: 5 } }, t.tokens.agency);
      expect(result.body.errors, result.raw).toBeUndefined();
      expectNoSmallCounts(JSON.parse(result.raw), context);
      const found = result.body.data!.demandBreakdown;
      const matching = postings.filter(
        (p) => inWindow(p, scope.months) && (!scope.region || p.region === scope.region) && expand(p.skills).includes(skill),
      );
      expect(found.postings).toEqual(
        expectedCell(matching.length, { measure: 'demand', skillId: skill, region: scope.region, windowMonths: scope.months }),
      );
      for (const [kind, list, of] of [
        ['employer', found.employers, (p: PostingDocument) => p.employer],
        ['title', found.titles, (p: PostingDocument) => p.title],
      ] as const) {
        const counts = new Map<string, number>();
        for (const p of matching) bump(counts, [of(p)]);
        // Every name with its published count; ordered by the published counts (a suppressed one ranks 0.5), then by name.
        const expected = [...counts]
          .map(([name, count]) => ({ name, postings: fromNoised(count + segmentNoise(`${kind}:${name}`, scope)) }))
          .filter((s) => s.postings.suppressed || (s.postings.value ?? 0) > 0)
          .sort(
            (a, b) =>
              (b.postings.suppressed ? 0.5 : b.postings.value!) - (a.postings.suppressed ? 0.5 : a.postings.value!) ||
              a.name.localeCompare(b.name),
          )
          .slice(0, 5);
        expect(list, `${kind} ${context}`).toEqual(expected);
        named += list.length;
      }
    }
    expect(named).toBeGreaterThan(4);
  });

  it('is for agencies and admins only, and names a bad argument', async () => {
    const skill = [...truth({}).keys()][0]!;
    for (const [query, input] of [
      [COMPARISON, {}],
      [BREAKDOWN, { skill }],
    ] as const) {
      for (const [token, code] of [
        [t.tokens.employer, 'FORBIDDEN'],
        [t.tokens.earner, 'FORBIDDEN'],
        [undefined, 'UNAUTHENTICATED'],
      ] as const)
        expect((await t.gql(query, { input }, token)).body.errors?.[0]?.extensions?.code).toBe(code);
      expect((await t.gql(query, { input }, t.tokens.admin)).body.errors).toBeUndefined();
    }
    const bad = await t.gql(COMPARISON, { input: { postedWithinMonths: 5 } }, t.tokens.agency);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'postedWithinMonths' });
    const unknown = await t.gql(BREAKDOWN, { input: { skill: 'onet:9.Z.9.z' } }, t.tokens.agency);
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/not a skill of the taxonomy/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('the search log', () => {
  const SEARCH = 'query($input: EarnerSearchInput!) { searchEarners(input: $input) { total pageInfo { endCursor } } }';

  it('records the skills, regions and result bucket of employer searches, nothing identifying, and feeds the searches columns', async () => {
    const region = busiest(dataset.records.map((r) => r.location.region))[0]!;
    const [common, other] = [...supplyTruth(undefined).entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    const searches = [
      ...Array.from({ length: 6 }, () => ({ skills: [common!], regions: [region], text: 'secret words' })),
      ...Array.from({ length: 5 }, () => ({ skills: [other!, common!], regions: [region] })),
      { skills: ['onet:2.B.3.m'], regions: [region] },
    ];
    const totals: number[] = [];
    for (const input of searches) {
      const result = await t.gql<{ searchEarners: { total: number; pageInfo: { endCursor: string | null } } }>(
        SEARCH,
        { input: { ...input, first: 1 } },
        t.tokens.employer,
      );
      expect(result.body.errors, result.raw).toBeUndefined();
      totals.push(result.body.data!.searchEarners.total);
    }
    // Not logged: the next page of a search, and searches by agencies.
    const first = await t.gql<{ searchEarners: { pageInfo: { endCursor: string } } }>(
      SEARCH,
      { input: { skills: [common], first: 1 } },
      t.tokens.employer,
    );
    await t.gql(
      SEARCH,
      { input: { skills: [common], first: 1, after: first.body.data!.searchEarners.pageInfo.endCursor } },
      t.tokens.employer,
    );
    await t.gql(SEARCH, { input: { skills: [common], regions: [region] } }, t.tokens.agency);
    totals.push(-1); // the first page above is logged (no region)

    const index = aliasName(target.prefix, 'search-log');
    let logged: SearchLogDocument[] = [];
    // The log is written after the answer: wait until every logged search is in.
    await expect
      .poll(async () => {
        await target.client.indices.refresh({ index });
        logged = (await target.client.search<SearchLogDocument>({ index, size: 100 })).hits.hits.map((h) => h._source!);
        return logged.length;
      })
      .toBeGreaterThanOrEqual(searches.length + 1);
    expect(logged).toHaveLength(searches.length + 1);
    const raw = JSON.stringify(logged);
    expect(raw).not.toMatch(/secret|employer@|acct_|earner-|@/);
    for (const entry of logged) {
      expect(Object.keys(entry).sort()).toEqual(['at', 'regions', 'resultBucket', 'skills']);
      expect(entry.at).toBe(now.toISOString());
    }
    const bucket = (total: number) => (total === 0 ? 'none' : total < THRESHOLD ? 'few' : 'some');
    const withRegion = logged
      .filter((e) => e.regions.length > 0)
      .map((e) => [e.skills.join('+'), e.resultBucket])
      .sort();
    expect(withRegion).toEqual(searches.map((s, i) => [[...s.skills].sort().join('+'), bucket(totals[i]!)]).sort());

    const { report: found } = await report({ region, skills: [common!, other!, 'onet:2.B.3.m'] });
    const row = (id: string) => found.rows.find((r) => r.skill.id === id)!;
    const few = (pick: (s: (typeof searches)[number]) => boolean) =>
      searches.filter((s, i) => pick(s) && bucket(totals[i]!) !== 'some').length;
    const searchCell = (skillId: string, r?: string) => cellOf('searches', skillId, { region: r });
    expect(row(common!).searches).toEqual(expectedCell(11, searchCell(common!, region)));
    expect(row(common!).searchesWithFewResults).toEqual(
      expectedCell(
        few((s) => s.skills.includes(common!)),
        { ...searchCell(common!, region), measure: 'searchesWithFewResults' },
      ),
    );
    expect(row(other!).searches).toEqual(expectedCell(5, searchCell(other!, region)));
    expect(row('onet:2.B.3.m').searches).toEqual(expectedCell(1, searchCell('onet:2.B.3.m', region)));
    // All regions: the region-less search counts too.
    const { report: everywhere } = await report({ skills: [common!] });
    expect(everywhere.rows[0]!.searches).toEqual(expectedCell(12, searchCell(common!)));
  });

  it('never fails a search when the log cannot be written', async () => {
    await target.client.indices.deleteAlias({
      index: `${aliasName(target.prefix, 'search-log')}-v*`,
      name: aliasName(target.prefix, 'search-log'),
    });
    const blocked = aliasName(target.prefix, 'search-log');
    // An index the log cannot write into (read-only), under the alias name.
    await target.client.indices.create({
      index: `${blocked}-blocked`,
      aliases: { [blocked]: {} },
      settings: { 'index.blocks.write': true },
    });
    const result = await t.gql(SEARCH, { input: { skills: ['onet:2.B.3'] } }, t.tokens.employer);
    expect(result.body.errors).toBeUndefined();
    // The log write fails after the answer went out: wait for its warning.
    await expect.poll(() => t.logs.some((l) => l.msg === 'could not log a search for the reports')).toBe(true);
    await target.client.indices.delete({ index: `${blocked}-blocked` });
  });
});
