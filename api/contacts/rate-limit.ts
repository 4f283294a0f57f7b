/**
 * The per-employer contact limit: a sliding window over the times of the
 * requests sent. Pure: the store applies the decision in one conditional
 * write, so parallel requests can never all see room for themselves.
 */

export type QuotaDecision =
  /** Room for one more: `sentAt` is what to store (the window's times plus now). */
  | { allowed: true; sentAt: string[] }
  /** Full: the oldest time in the window leaves it at `retryAt`. */
  | { allowed: false; retryAt: Date };

export function reserveContact(sentAt: readonly string[], limit: number, windowMs: number, now: Date): QuotaDecision {
  const since = now.getTime() - windowMs;
  const inWindow = sentAt.filter((at) => Date.parse(at) > since).sort();
  if (inWindow.length >= limit) return { allowed: false, retryAt: new Date(Date.parse(inWindow[0]!) + windowMs) };
  return { allowed: true, sentAt: [...inWindow, now.toISOString()] };
}
