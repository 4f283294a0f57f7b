import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../api/errors.ts';
import { csvField, csvFilename, skillGapCsv } from '../../api/reports/csv.ts';
import { csvQueryArgs, parseSkillGapInput, parseTrendInput } from '../../api/reports/input.ts';
import { cellKeys, isEmptyRow, publishRow, sortRows, type PublishedRow } from '../../api/reports/publish.ts';
import { mergeCounts, type RawRow } from '../../api/reports/rows.ts';
import { resultBucket, searchLogEntry } from '../../api/reports/search-log-entry.ts';
import {
  cellKeyText,
  cellNoise,
  NOISE_RANGE,
  publishChange,
  publishCount,
  publishNoised,
  publishRatio,
  type CellKey,
} from '../../api/reports/suppression.ts';
import { monthsBefore } from '../../api/reports/window.ts';

const T = 5;
const row = (skillId: string, demand: number, supply: number, searches = 0, few = 0): RawRow => ({
  skillId,
  demand,
  supply,
  searches,
  searchesWithFewResults: few,
});
/** A row published with no noise (s = count), to test ordering and CSV on known values. */
const publish = (r: RawRow): PublishedRow => {
  const [demand, supply] = [publishNoised(r.demand, T), publishNoised(r.supply, T)];
  return {
    skillId: r.skillId,
    demand,
    supply,
    ratio: publishRatio(demand, supply),
    searches: publishNoised(r.searches, T),
    searchesWithFewResults: publishNoised(r.searchesWithFewResults, T),
    importance: null,
    change: null,
  };
};
const SECRET = 'unit-test-noise-secret-0123456789abcdef';
const CONTROL = { threshold: T, noiseSecret: SECRET };

function argumentOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof BadInputError) return error.argument;
    throw error;
  }
  return undefined;
}

describe('disclosure control', () => {
  it('publishes s = count + noise: 0 or less as 0, 1 to threshold-1 suppressed, larger rounded to a multiple of 5', () => {
    expect([-2, 0, 1, 4, 5, 7, 8, 12, 13, 17].map((s) => publishNoised(s, T))).toEqual([
      { value: 0, suppressed: false },
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 5, suppressed: false },
      { value: 5, suppressed: false },
      { value: 10, suppressed: false },
      { value: 10, suppressed: false },
      { value: 15, suppressed: false },
      { value: 15, suppressed: false },
    ]);
  });

  it('gives each cell a fixed noise from -2 to +2, spread evenly, keyed by the secret', () => {
    const key = (skillId: string): CellKey => ({ measure: 'supply', skillId, region: 'US-OH' });
    const noises = Array.from({ length: 5000 }, (_, i) => cellNoise(SECRET, key(`onet:${i}`)));
    for (let n = -NOISE_RANGE; n <= NOISE_RANGE; n++) expect(noises.filter((x) => x === n).length).toBeGreaterThan(850);
    expect(noises.every((n) => Number.isInteger(n) && Math.abs(n) <= NOISE_RANGE)).toBe(true);
    // The same cell always gets the same noise; another secret gives other noises.
    expect(cellNoise(SECRET, key('onet:7'))).toBe(cellNoise(SECRET, key('onet:7')));
    const other = Array.from({ length: 200 }, (_, i) => cellNoise('another-secret-0123456789abcdef-0123', key(`onet:${i}`)));
    expect(other).not.toEqual(noises.slice(0, 200));
    expect(publishCount(12, key('onet:7'), CONTROL)).toEqual(publishNoised(12 + cellNoise(SECRET, key('onet:7')), T));
  });

  it('keys a cell by the dimensions that change who is counted, and nothing else', () => {
    const scope = { region: 'US-OH', occupation: '15-1252.00', windowMonths: 12 };
    const keys = cellKeys('onet:a', scope);
    expect(cellKeyText(keys.demand)).toBe('demand|onet:a|US-OH|15-1252.00|12');
    expect(cellKeyText(keys.supply)).toBe('supply|onet:a|US-OH|-|-');
    expect(cellKeyText(keys.searches)).toBe('searches|onet:a|US-OH|-|12');
    // Supply is the same population whatever the occupation or window asked for: the same key.
    expect(cellKeys('onet:a', { region: 'US-OH', occupation: null, windowMonths: 3 }).supply).toEqual(keys.supply);
    expect(cellKeyText(cellKeys('onet:a', { region: null, occupation: null, windowMonths: 24 }).demand)).toBe('demand|onet:a|ALL|-|24');
  });

  it('computes ratios and changes from published values, suppressed when either side is', () => {
    const [ten, five, zero, hidden] = [publishNoised(10, T), publishNoised(5, T), publishNoised(0, T), publishNoised(3, T)];
    expect(publishRatio(ten, five)).toEqual({ value: 2, suppressed: false });
    expect(publishRatio(ten, zero)).toEqual({ value: null, suppressed: false });
    expect(publishRatio(zero, ten)).toEqual({ value: 0, suppressed: false });
    expect(publishRatio(hidden, ten)).toEqual({ value: null, suppressed: true });
    expect(publishChange(ten, five)).toEqual({ value: 5, suppressed: false });
    expect(publishChange(zero, ten)).toEqual({ value: -10, suppressed: false });
    expect(publishChange(ten, hidden)).toEqual({ value: null, suppressed: true });
  });

  it('publishes a whole row with the same keys as its previous snapshot, and tells an empty row', () => {
    const scope = { region: 'US-OH', occupation: null, windowMonths: 12 };
    const previous = { takenAt: '2026-10-01T00:00:00.000Z', values: new Map([['onet:a', { demand: 40, supply: 20 }]]) };
    const published = publishRow(row('onet:a', 50, 20), { control: CONTROL, scope, importance: null, previous });
    const keys = cellKeys('onet:a', scope);
    expect(published.demand).toEqual(publishCount(50, keys.demand, CONTROL));
    // The same supply cell, unchanged: the change is exactly 0, never noise.
    expect(published.change!.supply).toEqual({ value: 0, suppressed: false });
    expect(published.change!.demand.value).toBe(published.demand.value! - publishCount(40, keys.demand, CONTROL).value!);
    expect(isEmptyRow(publish(row('onet:z', 0, 0)))).toBe(true);
    expect(isEmptyRow(publish(row('onet:z', 0, 2)))).toBe(false);
  });
});

describe('report input', () => {
  it('fills in defaults and normalizes codes', () => {
    expect(parseSkillGapInput({ region: 'oh', framework: 'ONET', occupation: '15-1252' })).toEqual({
      region: 'US-OH',
      framework: 'onet',
      occupation: '15-1252.00',
      postedWithinMonths: 12,
      skills: null,
      first: 50,
      sort: 'GAP',
    });
  });

  it('names the bad argument', () => {
    expect(argumentOf(() => parseSkillGapInput({ region: 'XX-ZZ' }))).toBe('region');
    expect(argumentOf(() => parseSkillGapInput({ framework: 'wikipedia' }))).toBe('framework');
    expect(argumentOf(() => parseSkillGapInput({ occupation: '151252' }))).toBe('occupation');
    expect(argumentOf(() => parseSkillGapInput({ postedWithinMonths: 0 }))).toBe('postedWithinMonths');
    expect(argumentOf(() => parseSkillGapInput({ postedWithinMonths: 61 }))).toBe('postedWithinMonths');
    // Only the published windows: 11 months would difference against 12.
    expect(argumentOf(() => parseSkillGapInput({ postedWithinMonths: 11 }))).toBe('postedWithinMonths');
    for (const months of [3, 6, 12, 24]) expect(parseSkillGapInput({ postedWithinMonths: months }).postedWithinMonths).toBe(months);
    expect(argumentOf(() => parseSkillGapInput({ first: 501 }))).toBe('first');
    expect(argumentOf(() => parseSkillGapInput({ skills: ['not-a-skill'] }))).toBe('skills');
    expect(argumentOf(() => parseSkillGapInput({ sort: 'RANDOM' }))).toBe('sort');
    expect(argumentOf(() => parseTrendInput({ skills: [] }, new Date()))).toBe('skills');
    expect(argumentOf(() => parseTrendInput({ skills: ['onet:2.B.3'], since: 'yesterday' }, new Date()))).toBe('since');
    expect(argumentOf(() => csvQueryArgs({ regoin: 'US-OH' }))).toBe('regoin');
    expect(argumentOf(() => csvQueryArgs({ first: 'ten' }))).toBe('first');
  });

  it('reads the CSV query string like the GraphQL input', () => {
    expect(
      parseSkillGapInput(csvQueryArgs({ region: 'US-OH', skills: 'onet:2.B.3, onet:2.B.3.k', sort: 'demand', postedWithinMonths: '6' })),
    ).toMatchObject({
      region: 'US-OH',
      skills: ['onet:2.B.3', 'onet:2.B.3.k'],
      sort: 'DEMAND',
      postedWithinMonths: 6,
    });
  });

  it('counts windows in calendar months', () => {
    expect(monthsBefore(new Date('2026-11-01T00:00:00Z'), 12).toISOString()).toBe('2025-11-01T00:00:00.000Z');
    // A day the earlier month lacks is its last day, not a roll into the month after.
    expect(monthsBefore(new Date('2026-08-31T09:15:00Z'), 6).toISOString()).toBe('2026-02-28T09:15:00.000Z');
    expect(monthsBefore(new Date('2028-08-31T09:15:00Z'), 6).toISOString()).toBe('2028-02-29T09:15:00.000Z');
    expect(monthsBefore(new Date('2026-01-31T00:00:00Z'), 2).toISOString()).toBe('2025-11-30T00:00:00.000Z');
  });
});

describe('rows', () => {
  const counts = {
    demand: new Map([
      ['onet:a', 10],
      ['onet:b', 3],
      ['esco:c', 6],
    ]),
    supply: new Map([
      ['onet:a', 5],
      ['nice:d', 9],
    ]),
    searches: new Map([['onet:a', { searches: 7, few: 2 }]]),
  };

  it('gives a row to every skill with demand or supply, filtered by framework and occupation', () => {
    expect(mergeCounts(counts, { skills: null, framework: null, occupationSkills: null }).map((r) => r.skillId)).toEqual([
      'esco:c',
      'nice:d',
      'onet:a',
      'onet:b',
    ]);
    expect(mergeCounts(counts, { skills: null, framework: 'onet', occupationSkills: null }).map((r) => r.skillId)).toEqual([
      'onet:a',
      'onet:b',
    ]);
    // Occupation: its profile or its postings' skills (the demand), never supply-only skills outside the profile.
    expect(mergeCounts(counts, { skills: null, framework: null, occupationSkills: ['onet:z'] }).map((r) => r.skillId)).toEqual([
      'esco:c',
      'onet:a',
      'onet:b',
    ]);
    expect(mergeCounts(counts, { skills: ['onet:a', 'onet:q'], framework: null, occupationSkills: null })).toEqual([
      row('onet:a', 10, 5, 7, 2),
      row('onet:q', 0, 0),
    ]);
  });

  it('sorts gaps by the shortfall (shown demand minus shown supply); zero demand is never a gap', () => {
    const rows = [
      row('s:ratio2', 10, 5),
      row('s:none', 6, 0),
      row('s:hidden-b', 20, 2),
      row('s:hidden-a', 20, 4),
      row('s:ratio1', 5, 5),
      row('s:empty', 0, 0),
      row('s:more-none', 9, 0),
      row('s:supply-only', 0, 40),
      row('s:few-demand', 3, 0),
    ].map(publish);
    // Published (no noise, rounded to 5): demand 20 and a suppressed supply (ranked 0.5) is the largest shortfall;
    // 0 demand with 40 earners used to rank above real demand (its ratio 0 beat suppressed ratios): now it is last.
    expect(sortRows(rows, 'GAP').map((r) => r.skillId)).toEqual([
      's:hidden-a',
      's:hidden-b',
      's:more-none',
      's:ratio2',
      's:none',
      's:ratio1',
      's:few-demand',
      's:empty',
      's:supply-only',
    ]);
    expect(sortRows(rows, 'SUPPLY').map((r) => r.skillId)).toEqual([
      's:supply-only',
      's:ratio1',
      's:ratio2',
      's:hidden-a',
      's:hidden-b',
      's:empty',
      's:few-demand',
      's:more-none',
      's:none',
    ]);
  });
});

describe('CSV', () => {
  it('quotes fields, defuses formulas and writes suppressed cells as <threshold', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK()', true)).toBe("'=HYPERLINK()");
    const published = publish(row('onet:2.B.3.k', 12, 3, 0, 0));
    const text = skillGapCsv({
      query: { region: 'US-OH', framework: 'onet', occupation: null, postedWithinMonths: 12, skills: null, first: 10, sort: 'GAP' },
      rows: [{ ...published, skill: { id: 'onet:2.B.3.k', label: 'Operation, Monitoring', framework: 'onet' } }],
      totalRows: 1,
      generatedAt: '2026-11-01T00:00:00.000Z',
      threshold: 5,
      previousSnapshotAt: null,
    });
    expect(text).toBe(
      'skill_id,skill_label,framework,demand,supply,ratio,searches,searches_with_few_results,importance,demand_change,supply_change\r\nonet:2.B.3.k,"Operation, Monitoring",onet,10,<5,<5,0,0,,,\r\n',
    );
  });

  it('names the file after the scope and day', () => {
    const report = {
      query: { region: 'US-OH', framework: null, occupation: '15-1252.00' },
      generatedAt: '2026-11-01T10:00:00.000Z',
    } as Parameters<typeof csvFilename>[0];
    expect(csvFilename(report)).toBe('skill-gap_US-OH_all-frameworks_15-1252.00_2026-11-01.csv');
  });
});

describe('search log entries', () => {
  it('keep skills, known regions, a result bucket and the hour, nothing else', () => {
    expect([0, 1, 4, 5].map((n) => resultBucket(n, 5))).toEqual(['none', 'few', 'few', 'some']);
    expect(
      searchLogEntry(
        { skills: ['onet:b', 'onet:a', 'onet:a'], regions: ['oh', 'nowhere'], total: 3 },
        5,
        new Date('2026-11-01T10:42:13.5Z'),
      ),
    ).toEqual({
      at: '2026-11-01T10:00:00.000Z',
      skills: ['onet:a', 'onet:b'],
      regions: ['US-OH'],
      resultBucket: 'few',
    });
  });
});
