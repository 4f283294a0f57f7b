/**
 * Per-minute limits of credential intake, counted in this process's memory
 * (`accounts/throttle.ts`: each check-and-count is one synchronous step, so
 * parallel requests never all see room for themselves):
 * - an earner adds at most `earnerItemsPerMinute` files and URLs;
 * - an issuer API key makes at most `pushRequestsPerMinute` pushes carrying at
 *   most `pushCredentialsPerMinute` credentials.
 * A request over a limit counts nothing and is refused whole with
 * RATE_LIMITED and the time the next one is allowed. (Several API processes
 * each count their own; see "Concurrency and limits" in the README.)
 */
import { RateLimitedError } from '../errors.ts';
import type { Platform } from '../platform.ts';

/** Counts an earner's items, or throws RateLimitedError. */
export function takeEarnerItems(platform: Platform, earnerId: string, items: number, now: Date): void {
  const limit = platform.intakeLimits.earnerItemsPerMinute;
  const verdict = platform.abuse.intake.take([{ key: `earner:${earnerId}`, limit, cost: items }], now);
  if (!verdict.allowed) throw new RateLimitedError(verdict.retryAt, `${limit} badges (files and links) added per minute`);
}

/** Counts one push of `credentials` items by key `keyId`; the error to answer when it is over a limit. */
export function takeIssuerPush(platform: Platform, keyId: string, credentials: number, now: Date): RateLimitedError | undefined {
  const { pushRequestsPerMinute, pushCredentialsPerMinute } = platform.intakeLimits;
  const verdict = platform.abuse.intake.take(
    [
      { key: `push-requests:${keyId}`, limit: pushRequestsPerMinute },
      { key: `push-credentials:${keyId}`, limit: pushCredentialsPerMinute, cost: credentials },
    ],
    now,
  );
  return verdict.allowed
    ? undefined
    : new RateLimitedError(
        verdict.retryAt,
        `${pushRequestsPerMinute} pushes and ${pushCredentialsPerMinute} credentials per minute for this API key`,
      );
}
