/** Calendar arithmetic for "issued within the last N months", in UTC days. */

/** Midnight UTC of the day `months` calendar months before `now`. */
export function monthsAgo(now: Date, months: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate())).toISOString();
}
