/** Time windows of the reports, in calendar months before the injected clock. Pure. */

/** The same day and time `months` calendar months before `now` (UTC). */
export function monthsBefore(now: Date, months: number): Date {
  const from = new Date(now.getTime());
  from.setUTCMonth(from.getUTCMonth() - months);
  return from;
}

/** Search-log times are kept to the hour: enough for monthly windows, too coarse to line a search up with one visit. */
export function hourOf(at: Date): string {
  const hour = new Date(at.getTime());
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}
