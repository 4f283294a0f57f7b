/**
 * Logs engine outages once: the first request the engine could not answer
 * (refused, unreachable, timed out, 502/503/504) logs `error` with the cause;
 * the first answer after that logs `info` with how long it lasted. Every
 * request of the API's client counts, the /health and /ready probes too, so
 * the end of an outage is seen even without user traffic.
 */
import { errors, type Client } from '@elastic/elasticsearch';
import type { Logger } from './log.ts';

export interface EngineAvailability {
  /** Since when the engine has not answered, or null while it answers. */
  downSince(): Date | null;
}

/** What counts as "the engine could not be asked" (not: a rejected request, a conflict, a missing document). */
export function isOutage(error: unknown): boolean {
  if (error instanceof errors.ConnectionError || error instanceof errors.NoLivingConnectionsError || error instanceof errors.TimeoutError)
    return true;
  return error instanceof errors.ResponseError && [502, 503, 504].includes(error.statusCode ?? 0);
}

function describeCause(error: Error): string {
  const status = error instanceof errors.ResponseError ? ` (HTTP ${error.statusCode})` : '';
  return `${error.name}${status}: ${error.message}`;
}

export function watchEngineAvailability(client: Client, log: Logger, url: string, now: () => Date = () => new Date()): EngineAvailability {
  let downSince: Date | null = null;
  client.diagnostic.on('response', (error) => {
    if (error && isOutage(error)) {
      if (downSince) return;
      downSince = now();
      log.error('engine unavailable: requests answer 503 until it is back', { engine: url, cause: describeCause(error) });
      return;
    }
    // Any answer from the engine (even an error such as 404 or 409) means it is reachable again.
    if (downSince && (!error || error instanceof errors.ResponseError)) {
      log.info('engine available again', { engine: url, downForMs: now().getTime() - downSince.getTime() });
      downSince = null;
    }
  });
  return { downSince: () => downSince };
}
