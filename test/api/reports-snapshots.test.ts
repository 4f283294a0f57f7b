import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';
import { buildEarnerDocument } from '../../mappings/earner-document.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { PostingDocument } from '../../mappings/postings.ts';
import type { ReportSnapshotDocument } from '../../mappings/report-snapshots.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { expandWithAncestors, loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { credentialOf } from '../support/account-api.ts';
import { testIndices, useSharedTaxonomy } from '../support/engine.ts';
import { expectedCell, expectedRatio, type CellOf, type PublishedCell } from '../support/report-disclosure.ts';
import { countCells, REPORT_QUERY, startReportApi, TREND_QUERY, type ReportApi, type ReportJson, type RowJson } from './reports-harness.ts';

/**
 * Snapshots on a small seeded data set: the cron schedule writes them, a run
 * never overlaps another, `change` compares with the previous snapshot of the
 * same scope, and the trend reads what was stored, suppressed like reports.
 */
const taxonomy = loadTaxonomy();
const target = testIndices('reports-snap');
const T0 = new Date('2026-10-01T00:00:00Z');
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);
// Three skills with different stories: WIDE grows (no cell is ever small), SMALL starts under the threshold, SHRINK ends under it.
const WIDE = 'onet:2.B.3.k';
const SMALL = 'onet:2.B.3.h';
const SHRINK = 'onet:2.B.3.e';
let t: ReportApi;
let seq = 0;

/** What the API must publish for a true count (the test secret fixes each cell's noise; default 12-month window). */
const pub = (count: number, measure: CellOf['measure'], skillId: string, region?: string): PublishedCell =>
  expectedCell(count, { measure, skillId, region, windowMonths: 12 });
/** A change is the difference of published values, suppressed when either is. */
const diff = (now: PublishedCell, before: PublishedCell): PublishedCell =>
  now.suppressed || before.suppressed ? { value: null, suppressed: true } : { value: now.value! - before.value!, suppressed: false };

async function addEarners(count: number, skill: string, region = 'US-OH'): Promise<void> {
  const operations: object[] = [];
  for (let i = 0; i < count; i++) {
    const earnerId = `earner-${++seq}`;
    const credential = { ...credentialOf({ earnerId, email: `${earnerId}@example.org`, name: earnerId, badges: 1 }, 0), skills: [skill] };
    const settings = { ...defaultDirectorySettings(earnerId, T0), statsOptIn: true, location: { city: 'Columbus', region, country: 'US' } };
    const document = buildEarnerDocument({
      earnerId,
      credentials: [credential],
      settings,
      skills: skillLookup(taxonomy),
      pathways: [],
      now: T0,
    });
    operations.push({ index: { _index: aliasName(target.prefix, 'earners'), _id: earnerId } }, document!);
  }
  await target.client.bulk({ operations, refresh: true });
}

async function removeEarners(ids: string[]): Promise<void> {
  await target.client.bulk({
    operations: ids.map((id) => ({ delete: { _index: aliasName(target.prefix, 'earners'), _id: id } })),
    refresh: true,
  });
}

async function addPostings(count: number, skill: string, postedOn: Date, region = 'US-OH'): Promise<void> {
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
    };
    operations.push({ index: { _index: aliasName(target.prefix, 'postings'), _id: posting.id } }, posting);
  }
  await target.client.bulk({ operations, refresh: true });
}

async function markers(): Promise<ReportSnapshotDocument[]> {
  await target.client.indices.refresh({ index: aliasName(target.prefix, 'report-snapshots') });
  const response = await target.client.search<ReportSnapshotDocument>({
    index: aliasName(target.prefix, 'report-snapshots'),
    size: 100,
    query: { term: { kind: 'scope' } },
    sort: [{ takenAt: 'asc' }],
  });
  return response.hits.hits.map((h) => h._source!);
}

async function report(input: Record<string, unknown>): Promise<ReportJson> {
  const result = await t.gql<{ skillGapReport: ReportJson }>(REPORT_QUERY, { input }, t.tokens.agency);
  expect(result.body.errors, result.raw).toBeUndefined();
  for (const { key, cell } of countCells(result.body))
    if (cell.value !== null) expect(cell.value === 0 || cell.value >= 5, `${key} ${cell.value}`).toBe(true);
  return result.body.data!.skillGapReport;
}

const rowOf = (r: ReportJson, skill: string): RowJson => {
  const found = r.rows.find((row) => row.skill.id === skill);
  if (!found) throw new Error(`no row for ${skill}`);
  return found;
};

beforeAll(async () => {
  const store = new IndexStore(target);
  await useSharedTaxonomy(target);
  await store.ensureIndices();
  await addEarners(7, WIDE);
  await addEarners(3, SMALL);
  await addEarners(6, SHRINK);
  await addPostings(6, WIDE, day(-30));
  await addPostings(2, WIDE, day(-500)); // outside the 12-month window
  await addPostings(5, SMALL, day(-10), 'US-KY');
  t = await startReportApi(target.client, target.prefix, T0, { REPORT_SNAPSHOTS_ENABLED: 'true', REPORT_SNAPSHOT_CRON: '* * * * * *' });
}, 240_000);
afterAll(async () => {
  await t?.close();
  await target.cleanup();
});

describe('skill-gap snapshots', () => {
  it('runs on its cron schedule and stores a snapshot of every scope with data', async () => {
    await expect.poll(async () => (await markers()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    t.api.reporting.snapshotJob.stop();
    // A run the schedule started before the stop finishes: wait for it, not for a fixed time.
    await expect.poll(() => t.api.reporting.snapshotJob.isRunning()).toBe(false);
    const stored = await markers();
    expect(new Set(stored.map((m) => m.region))).toEqual(new Set(['ALL', 'US-OH', 'US-KY']));
    expect(t.logs.some((l) => l.job === 'skill-gap-snapshot' && l.outcome === 'ok')).toBe(true);
    const rows = await target.client.search<ReportSnapshotDocument>({
      index: aliasName(target.prefix, 'report-snapshots'),
      size: 100,
      query: {
        bool: {
          filter: [
            { term: { kind: 'row' } },
            { term: { region: 'US-OH' } },
            { term: { skillId: WIDE } },
            { term: { snapshotId: stored[0]!.snapshotId } },
          ],
        },
      },
    });
    // Raw counts are stored; suppression happens on output.
    expect(rows.hits.hits.map((h) => [h._source!.demand, h._source!.supply])).toEqual([[6, 7]]);
  });

  it('refuses to overlap: a second run while one is going is skipped and logged', async () => {
    const job = t.api.reporting.snapshotJob;
    const before = (await markers()).length;
    const [first, second] = await Promise.all([job.runNow(), job.runNow()]);
    expect(first.status).toBe('ok');
    expect(second).toEqual({ status: 'skipped', reason: 'still running' });
    expect(t.logs.some((l) => l.job === 'skill-gap-snapshot' && l.outcome === 'skipped' && l.level === 'warn')).toBe(true);
    // One run: one marker per scope.
    expect((await markers()).length).toBe(before + 3);
    // The admin mutation goes through the same job.
    const running = job.runNow();
    const mutation = await t.gql<{ runSkillGapSnapshot: { status: string } }>(
      'mutation { runSkillGapSnapshot { status ms message } }',
      {},
      t.tokens.admin,
    );
    expect(mutation.body.data?.runSkillGapSnapshot.status).toBe('SKIPPED');
    expect((await running).status).toBe('ok');
    const forbidden = await t.gql('mutation { runSkillGapSnapshot { status } }', {}, t.tokens.agency);
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reports the change since the previous snapshot of the same scope, suppressed where a side is small', async () => {
    t.setNow(day(1));
    const run = await t.gql<{ runSkillGapSnapshot: { status: string } }>(
      'mutation { runSkillGapSnapshot { status ms message } }',
      {},
      t.tokens.admin,
    );
    expect(run.body.data?.runSkillGapSnapshot.status).toBe('OK');
    await addEarners(3, WIDE);
    await addEarners(3, SMALL);
    await removeEarners(['earner-11', 'earner-12']); // two SHRINK earners leave: 6 -> 4
    await addPostings(2, WIDE, day(1));
    t.setNow(day(2));
    const ohio = await report({ region: 'US-OH', first: 500 });
    expect(ohio.previousSnapshotAt).toBe(day(1).toISOString());
    const oh = 'US-OH';
    expect(rowOf(ohio, WIDE)).toMatchObject({
      demand: pub(8, 'demand', WIDE, oh),
      supply: pub(10, 'supply', WIDE, oh),
      change: {
        demand: diff(pub(8, 'demand', WIDE, oh), pub(6, 'demand', WIDE, oh)),
        supply: diff(pub(10, 'supply', WIDE, oh), pub(7, 'supply', WIDE, oh)),
      },
    });
    // SMALL: 3 -> 6 earners; the previous 3 is at most 5 noised, so the change is suppressed unless it was shown as 0 or 5.
    expect(rowOf(ohio, SMALL)).toMatchObject({
      supply: pub(6, 'supply', SMALL, oh),
      change: { supply: diff(pub(6, 'supply', SMALL, oh), pub(3, 'supply', SMALL, oh)), demand: { value: 0, suppressed: false } },
    });
    // SHRINK: 6 -> 4 earners.
    expect(rowOf(ohio, SHRINK)).toMatchObject({
      supply: pub(4, 'supply', SHRINK, oh),
      change: { supply: diff(pub(4, 'supply', SHRINK, oh), pub(6, 'supply', SHRINK, oh)) },
    });
    const all = await report({ first: 500, skills: [WIDE, SMALL] });
    expect(rowOf(all, SMALL)).toMatchObject({
      demand: pub(5, 'demand', SMALL),
      supply: pub(6, 'supply', SMALL),
      ratio: expectedRatio(pub(5, 'demand', SMALL), pub(6, 'supply', SMALL)),
    });
    // An occupation or a different window has no comparable snapshot.
    expect((await report({ region: 'US-OH', postedWithinMonths: 6 })).previousSnapshotAt).toBeNull();
    expect((await report({ region: 'US-OH', postedWithinMonths: 6 })).rows.every((r) => r.change === null)).toBe(true);
  });

  it('reads the trend from the stored snapshots, oldest first, suppressed like the report', async () => {
    await t.gql('mutation { runSkillGapSnapshot { status } }', {}, t.tokens.admin);
    const result = await t.gql<{
      skillGapTrend: {
        skill: { id: string };
        points: {
          takenAt: string;
          demand: { value: number | null; suppressed: boolean };
          supply: { value: number | null; suppressed: boolean };
          ratio: { value: number | null; suppressed: boolean };
        }[];
      }[];
    }>(TREND_QUERY, { input: { region: 'US-OH', skills: [WIDE, SMALL, SHRINK], since: day(-1).toISOString() } }, t.tokens.agency);
    expect(result.body.errors, result.raw).toBeUndefined();
    const ohioMarkers = (await markers()).filter((m) => m.region === 'US-OH');
    const [wide, small, shrink] = result.body.data!.skillGapTrend;
    expect(wide!.points.map((p) => p.takenAt)).toEqual(ohioMarkers.map((m) => m.takenAt));
    const oh = 'US-OH';
    const point = (demand: number, supply: number, skill: string) => {
      const [d, s] = [pub(demand, 'demand', skill, oh), pub(supply, 'supply', skill, oh)];
      return { demand: d, supply: s, ratio: expectedRatio(d, s) };
    };
    // The trend's cells are the report's cells: same noise, so the last point equals the report's row.
    expect(wide!.points.at(0)).toEqual({ takenAt: T0.toISOString(), ...point(6, 7, WIDE) });
    expect(wide!.points.at(-1)).toEqual({ takenAt: day(2).toISOString(), ...point(8, 10, WIDE) });
    expect(small!.points.at(0)).toMatchObject(point(0, 3, SMALL));
    expect(small!.points.at(-1)).toMatchObject(point(0, 6, SMALL));
    expect(shrink!.points.at(-1)).toMatchObject(point(0, 4, SHRINK));
    for (const { cell } of countCells(result.body)) if (cell.value !== null) expect(cell.value === 0 || cell.value >= 5).toBe(true);
  });
});
