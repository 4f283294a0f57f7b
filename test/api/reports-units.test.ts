import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../api/errors.ts';
import { csvField, csvFilename, skillGapCsv } from '../../api/reports/csv.ts';
import { csvQueryArgs, parseSkillGapInput, parseTrendInput } from '../../api/reports/input.ts';
import { publishRow, sortRows } from '../../api/reports/publish.ts';
import { mergeCounts, type RawRow } from '../../api/reports/rows.ts';
import { resultBucket, searchLogEntry } from '../../api/reports/search-log-entry.ts';
import { publishChange, publishCount, publishRatio } from '../../api/reports/suppression.ts';
import { monthsBefore } from '../../api/reports/window.ts';

const T = 5;
const row = (skillId: string, demand: number, supply: number, searches = 0, few = 0): RawRow => ({ skillId, demand, supply, searches, searchesWithFewResults: few });
const publish = (r: RawRow) => publishRow(r, { threshold: T, importance: null, previous: null });

function argumentOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof BadInputError) return error.argument;
    throw error;
  }
  return undefined;
}

describe('suppression', () => {
  it('hides counts from 1 to threshold-1, shows zero and larger counts', () => {
    expect([0, 1, 4, 5, 17].map((n) => publishCount(n, T))).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 5, suppressed: false },
      { value: 17, suppressed: false },
    ]);
  });

  it('suppresses a ratio computed from a suppressed count; no supply is a null ratio, not a suppressed one', () => {
    expect(publishRatio(10, 3, T)).toEqual({ value: null, suppressed: true });
    expect(publishRatio(3, 10, T)).toEqual({ value: null, suppressed: true });
    expect(publishRatio(10, 0, T)).toEqual({ value: null, suppressed: false });
    expect(publishRatio(0, 10, T)).toEqual({ value: 0, suppressed: false });
    expect(publishRatio(12, 8, T)).toEqual({ value: 1.5, suppressed: false });
  });

  it('suppresses a change when either the current or the previous value is a small count', () => {
    expect(publishChange(12, 8, T)).toEqual({ value: 4, suppressed: false });
    expect(publishChange(12, 0, T)).toEqual({ value: 12, suppressed: false });
    expect(publishChange(3, 8, T)).toEqual({ value: null, suppressed: true });
    expect(publishChange(9, 4, T)).toEqual({ value: null, suppressed: true });
    expect(publishChange(0, 7, T)).toEqual({ value: -7, suppressed: false });
  });
});

describe('report input', () => {
  it('fills in defaults and normalizes codes', () => {
    expect(parseSkillGapInput({ region: 'oh', framework: 'ONET', occupation: '15-1252' })).toEqual({
      region: 'US-OH', framework: 'onet', occupation: '15-1252.00', postedWithinMonths: 12, skills: null, first: 50, sort: 'GAP',
    });
  });

  it('names the bad argument', () => {
    expect(argumentOf(() => parseSkillGapInput({ region: 'XX-ZZ' }))).toBe('region');
    expect(argumentOf(() => parseSkillGapInput({ framework: 'wikipedia' }))).toBe('framework');
    expect(argumentOf(() => parseSkillGapInput({ occupation: '151252' }))).toBe('occupation');
    expect(argumentOf(() => parseSkillGapInput({ postedWithinMonths: 0 }))).toBe('postedWithinMonths');
    expect(argumentOf(() => parseSkillGapInput({ postedWithinMonths: 61 }))).toBe('postedWithinMonths');
    expect(argumentOf(() => parseSkillGapInput({ first: 501 }))).toBe('first');
    expect(argumentOf(() => parseSkillGapInput({ skills: ['not-a-skill'] }))).toBe('skills');
    expect(argumentOf(() => parseSkillGapInput({ sort: 'RANDOM' }))).toBe('sort');
    expect(argumentOf(() => parseTrendInput({ skills: [] }, new Date()))).toBe('skills');
    expect(argumentOf(() => parseTrendInput({ skills: ['onet:2.B.3'], since: 'yesterday' }, new Date()))).toBe('since');
    expect(argumentOf(() => csvQueryArgs({ regoin: 'US-OH' }))).toBe('regoin');
    expect(argumentOf(() => csvQueryArgs({ first: 'ten' }))).toBe('first');
  });

  it('reads the CSV query string like the GraphQL input', () => {
    expect(parseSkillGapInput(csvQueryArgs({ region: 'US-OH', skills: 'onet:2.B.3, onet:2.B.3.k', sort: 'demand', postedWithinMonths: '6' }))).toMatchObject({
      region: 'US-OH', skills: ['onet:2.B.3', 'onet:2.B.3.k'], sort: 'DEMAND', postedWithinMonths: 6,
    });
  });

  it('counts windows in calendar months', () => {
    expect(monthsBefore(new Date('2026-11-01T00:00:00Z'), 12).toISOString()).toBe('2025-11-01T00:00:00.000Z');
  });
});

describe('rows', () => {
  const counts = {
    demand: new Map([['onet:a', 10], ['onet:b', 3], ['esco:c', 6]]),
    supply: new Map([['onet:a', 5], ['nice:d', 9]]),
    searches: new Map([['onet:a', { searches: 7, few: 2 }]]),
  };

  it('gives a row to every skill with demand or supply, filtered by framework and occupation', () => {
    expect(mergeCounts(counts, { skills: null, framework: null, occupationSkills: null }).map((r) => r.skillId)).toEqual(['esco:c', 'nice:d', 'onet:a', 'onet:b']);
    expect(mergeCounts(counts, { skills: null, framework: 'onet', occupationSkills: null }).map((r) => r.skillId)).toEqual(['onet:a', 'onet:b']);
    // Occupation: its profile or its postings' skills (the demand), never supply-only skills outside the profile.
    expect(mergeCounts(counts, { skills: null, framework: null, occupationSkills: ['onet:z'] }).map((r) => r.skillId)).toEqual(['esco:c', 'onet:a', 'onet:b']);
    expect(mergeCounts(counts, { skills: ['onet:a', 'onet:q'], framework: null, occupationSkills: null })).toEqual([row('onet:a', 10, 5, 7, 2), row('onet:q', 0, 0)]);
  });

  it('sorts gaps by shown values: no supply first, then ratio; suppressed ratios tie and order by id', () => {
    const rows = [row('s:ratio2', 10, 5), row('s:none', 6, 0), row('s:hidden-b', 20, 2), row('s:hidden-a', 20, 4), row('s:ratio1', 5, 5), row('s:empty', 0, 0), row('s:more-none', 9, 0)].map(publish);
    expect(sortRows(rows, 'GAP').map((r) => r.skillId)).toEqual(['s:more-none', 's:none', 's:ratio2', 's:ratio1', 's:hidden-a', 's:hidden-b', 's:empty']);
    expect(sortRows(rows, 'SUPPLY').map((r) => r.skillId)).toEqual(['s:ratio1', 's:ratio2', 's:hidden-a', 's:hidden-b', 's:empty', 's:more-none', 's:none']);
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
    expect(text).toBe('skill_id,skill_label,framework,demand,supply,ratio,searches,searches_with_few_results,importance,demand_change,supply_change\r\nonet:2.B.3.k,"Operation, Monitoring",onet,12,<5,<5,0,0,,,\r\n');
  });

  it('names the file after the scope and day', () => {
    const report = { query: { region: 'US-OH', framework: null, occupation: '15-1252.00' }, generatedAt: '2026-11-01T10:00:00.000Z' } as Parameters<typeof csvFilename>[0];
    expect(csvFilename(report)).toBe('skill-gap_US-OH_all-frameworks_15-1252.00_2026-11-01.csv');
  });
});

describe('search log entries', () => {
  it('keep skills, known regions, a result bucket and the hour, nothing else', () => {
    expect([0, 1, 4, 5].map((n) => resultBucket(n, 5))).toEqual(['none', 'few', 'few', 'some']);
    expect(searchLogEntry({ skills: ['onet:b', 'onet:a', 'onet:a'], regions: ['oh', 'nowhere'], total: 3 }, 5, new Date('2026-11-01T10:42:13.5Z'))).toEqual({
      at: '2026-11-01T10:00:00.000Z',
      skills: ['onet:a', 'onet:b'],
      regions: ['US-OH'],
      resultBucket: 'few',
    });
  });
});
