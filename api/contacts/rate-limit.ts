/** The per-employer contact limit: a sliding window over stored requests. Pure. */
import type { RecentRequests } from '../stores/contacts.ts';

/** When the employer may send again, or undefined if they may now. */
export function contactRetryAt(recent: RecentRequests, limit: number, windowMs: number, now: Date): Date | undefined {
  if (recent.count < limit) return undefined;
  // The oldest request in the window leaves it first; without one (clock skew) wait a whole window.
  return new Date((recent.oldest?.getTime() ?? now.getTime()) + windowMs);
}
