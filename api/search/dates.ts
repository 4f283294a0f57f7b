/** Calendar arithmetic for "issued within the last N months", in UTC days. */
import { calendarMonthsBefore } from '../../mappings/calendar-months.ts';

/** Midnight UTC of the day `months` calendar months before `now` (clamped to the last day of a shorter month). */
export function monthsAgo(now: Date, months: number): string {
  const day = calendarMonthsBefore(now, months);
  day.setUTCHours(0, 0, 0, 0);
  return day.toISOString();
}
