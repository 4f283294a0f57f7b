/**
 * Calendar-month arithmetic in UTC, shared by the API (search "issued within",
 * report windows) and anything else that counts months back from a clock. Pure.
 */

/**
 * The same day and time `months` calendar months before `at` (UTC). A day the
 * target month lacks is clamped to that month's last day, so Aug 31 minus 6
 * months is Feb 28 (Feb 29 in a leap year), not Mar 3 as `setUTCMonth` would give.
 */
export function calendarMonthsBefore(at: Date, months: number): Date {
  if (!Number.isInteger(months)) throw new RangeError(`calendarMonthsBefore: months must be an integer, got ${months}`);
  const day = at.getUTCDate();
  const result = new Date(at.getTime());
  // Move on the 1st so the month change itself cannot overflow into the next month.
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  result.setUTCDate(Math.min(day, daysInUtcMonth(result)));
  return result;
}

/** Number of days in the UTC month `at` falls in. */
export function daysInUtcMonth(at: Date): number {
  const lastDay = new Date(at.getTime());
  lastDay.setUTCDate(1);
  lastDay.setUTCMonth(lastDay.getUTCMonth() + 1, 0);
  return lastDay.getUTCDate();
}
