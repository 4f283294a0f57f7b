import { describe, expect, it } from 'vitest';
import { calendarMonthsBefore, daysInUtcMonth } from '../../mappings/calendar-months.ts';
import { oracleMonthsBefore } from '../support/calendar-oracle.ts';

const before = (iso: string, months: number) => calendarMonthsBefore(new Date(iso), months).toISOString();

describe('calendarMonthsBefore (N calendar months back, UTC)', () => {
  it('keeps the day and time of day when the target month has that day', () => {
    expect(before('2026-06-15T23:59:59.999Z', 6)).toBe('2025-12-15T23:59:59.999Z');
    expect(before('2026-03-31T08:30:00.000Z', 2)).toBe('2026-01-31T08:30:00.000Z');
    expect(before('2026-07-31T00:00:00.000Z', 0)).toBe('2026-07-31T00:00:00.000Z');
  });

  it('clamps to the last day of a shorter month instead of running into the next one', () => {
    // setUTCMonth would give 2026-03-03 (Feb has 28 days in 2026).
    expect(before('2026-08-31T12:00:00.000Z', 6)).toBe('2026-02-28T12:00:00.000Z');
    expect(before('2026-05-31T00:00:00.000Z', 1)).toBe('2026-04-30T00:00:00.000Z');
    expect(before('2026-12-31T23:00:00.000Z', 3)).toBe('2026-09-30T23:00:00.000Z');
    expect(before('2026-03-30T00:00:00.000Z', 1)).toBe('2026-02-28T00:00:00.000Z');
  });

  it('clamps to Feb 29 in leap years (every 4th year, not 1900-style centuries, yes 2000-style ones)', () => {
    expect(before('2028-08-31T00:00:00.000Z', 6)).toBe('2028-02-29T00:00:00.000Z');
    expect(before('2028-02-29T12:00:00.000Z', 48)).toBe('2024-02-29T12:00:00.000Z');
    expect(before('2029-02-28T00:00:00.000Z', 12)).toBe('2028-02-28T00:00:00.000Z');
    expect(before('2028-02-29T00:00:00.000Z', 12)).toBe('2027-02-28T00:00:00.000Z');
    expect(before('2100-03-31T00:00:00.000Z', 1)).toBe('2100-02-28T00:00:00.000Z');
    expect(before('2000-03-31T00:00:00.000Z', 1)).toBe('2000-02-29T00:00:00.000Z');
  });

  it('crosses January/December year boundaries both ways', () => {
    expect(before('2026-01-31T10:00:00.000Z', 1)).toBe('2025-12-31T10:00:00.000Z');
    expect(before('2026-01-15T00:00:00.000Z', 12)).toBe('2025-01-15T00:00:00.000Z');
    expect(before('2026-02-01T00:00:00.000Z', 2)).toBe('2025-12-01T00:00:00.000Z');
    expect(before('2026-12-31T00:00:00.000Z', 11)).toBe('2026-01-31T00:00:00.000Z');
    expect(before('2026-12-31T00:00:00.000Z', 10)).toBe('2026-02-28T00:00:00.000Z');
    expect(before('2026-03-31T00:00:00.000Z', 25)).toBe('2024-02-29T00:00:00.000Z');
    // Negative counts go forward (used by nobody yet, but must not roll over either).
    expect(before('2025-12-31T00:00:00.000Z', -2)).toBe('2026-02-28T00:00:00.000Z');
  });

  it('does not change its argument and refuses a fractional month count', () => {
    const at = new Date('2026-08-31T00:00:00.000Z');
    calendarMonthsBefore(at, 6);
    expect(at.toISOString()).toBe('2026-08-31T00:00:00.000Z');
    expect(() => calendarMonthsBefore(at, 1.5)).toThrow(/months must be an integer, got 1.5/);
  });

  it('agrees with the independent oracle on every day of 2024-2029 for windows of 1 to 25 months', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2024, 0, 1, 13); t < Date.UTC(2030, 0, 1); t += 86_400_000) {
      for (const months of [1, 2, 3, 6, 11, 12, 13, 24, 25]) {
        const got = calendarMonthsBefore(new Date(t), months).toISOString();
        const want = oracleMonthsBefore(new Date(t), months).toISOString();
        if (got !== want) mismatches.push(`${new Date(t).toISOString()} - ${months}: ${got} != ${want}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

describe('daysInUtcMonth', () => {
  it('counts 28-31 days, 29 in February of leap years', () => {
    expect(daysInUtcMonth(new Date('2026-02-10T00:00:00Z'))).toBe(28);
    expect(daysInUtcMonth(new Date('2028-02-10T00:00:00Z'))).toBe(29);
    expect(daysInUtcMonth(new Date('2026-04-30T23:59:59Z'))).toBe(30);
    expect(daysInUtcMonth(new Date('2026-12-31T23:59:59Z'))).toBe(31);
    expect(daysInUtcMonth(new Date('2026-01-31T00:00:00Z'))).toBe(31);
  });
});
