import { describe, expect, it } from 'vitest';
import { parseSaveSearch } from '../../api/saved-searches/criteria.ts';
import { savedSearchDigest } from '../../api/saved-searches/digest.ts';
import { isDue, newlyMatching } from '../../api/saved-searches/matches.ts';
import { parseSearchInput } from '../../api/search/input.ts';

describe('saved-search rules', () => {
  it('is due a day (or a week) after the last run, less an hour; never without an alert', () => {
    const last = '2026-07-01T06:30:00.000Z';
    const at = (hours: number) => new Date(Date.parse(last) + hours * 3_600_000);
    expect(isDue('daily', last, at(22))).toBe(false);
    expect(isDue('daily', last, at(23))).toBe(true);
    expect(isDue('weekly', last, at(24 * 6))).toBe(false);
    expect(isDue('weekly', last, at(24 * 7 - 1))).toBe(true);
    expect(isDue('none', last, at(24 * 365))).toBe(false);
  });

  it('lists only earners absent from the last run', () => {
    const now = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ];
    expect(newlyMatching(now, ['a', 'c'])).toEqual([{ id: 'b', name: 'B' }]);
  });

  it('keeps a search in input shape that checks and means the same again, without its page', () => {
    const input = {
      text: ' welding ',
      skills: ['s1', 's2'],
      skillsMode: 'ALL' as const,
      first: 5,
      facetSize: 2,
      near: { lat: 40, lon: -83, radiusKm: 25 },
    };
    const { criteria, name, alert } = parseSaveSearch({ name: ' Welders ', search: input, alert: 'WEEKLY' });
    expect(name).toBe('Welders');
    expect(alert).toBe('weekly');
    expect(criteria).not.toHaveProperty('first');
    expect(criteria).not.toHaveProperty('after');
    const again = parseSearchInput(criteria);
    const original = parseSearchInput(input);
    expect({ ...again, first: 0, facetSize: 0 }).toEqual({ ...original, first: 0, facetSize: 0 });
  });

  it('names every problem by its argument', () => {
    expect(() => parseSaveSearch({ name: 'x', search: { first: 0 } })).toThrow(/"search.first"/);
    expect(() => parseSaveSearch({ name: 'x'.repeat(81), search: {} })).toThrow(/"name": at most 80 characters/);
    expect(() => parseSaveSearch({ name: 'x', search: {}, alert: 'HOURLY' })).toThrow(/"alert"/);
  });

  it('writes one digest with a section per search and a link per earner', () => {
    const message = savedSearchDigest(
      'hr@example.org',
      [
        { searchName: 'Welders', earners: [{ id: 'e 1', name: 'Ann' }] },
        { searchName: 'Nurses', earners: [{ id: 'e2', name: 'Bo' }] },
      ],
      'https://talent.test',
    );
    expect(message).toMatchObject({
      kind: 'saved-search-digest',
      to: 'hr@example.org',
      subject: '2 new earners match your saved searches',
    });
    expect(message.text).toContain('Welders (1 new):\n- Ann: https://talent.test/earners/e%201');
    expect(message.text).toContain('Nurses (1 new):\n- Bo: https://talent.test/earners/e2');
  });
});
