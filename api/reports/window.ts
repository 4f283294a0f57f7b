/** Time windows of the reports, in calendar months before the injected clock. Pure. */
import { calendarMonthsBefore } from '../../mappings/calendar-months.ts';

/** The same day and time `months` calendar months before `now` (UTC), clamped to the last day of a shorter month. */
export function monthsBefore(now: Date, months: number): Date {
  return calendarMonthsBefore(now, months);
}

/** Search-log times are kept to the hour: enough for monthly windows, too coarse to line a search up with one visit. */
export function hourOf(at: Date): string {
  const hour = new Date(at.getTime());
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}
