/**
 * Test oracle for "N calendar months before", written independently of
 * mappings/calendar-months.ts: month arithmetic on a month count and a
 * days-per-month table with the Gregorian leap rule, no Date month rollover.
 */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in `month` (0-11) of `year`. */
export function oracleDaysInMonth(year: number, month: number): number {
  return month === 1 && isLeap(year) ? 29 : DAYS_IN_MONTH[month]!;
}

/** The same UTC day and time `months` months before `at`, on the last day of a shorter month. */
export function oracleMonthsBefore(at: Date, months: number): Date {
  const monthIndex = at.getUTCFullYear() * 12 + at.getUTCMonth() - months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const day = Math.min(at.getUTCDate(), oracleDaysInMonth(year, month));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const time = at.toISOString().slice(10); // "THH:MM:SS.mmmZ"
  return new Date(`${pad(year, 4)}-${pad(month + 1)}-${pad(day)}${time}`);
}
