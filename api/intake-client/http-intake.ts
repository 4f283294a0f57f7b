/**
 * The credential intake reached over HTTP (`INTAKE_URL`, `INTAKE_TOKEN`): an
 * API started on its own (the Docker image's API container) hands
 * `addMyCredentials` and the issuer push to the indexer's intake service
 * (`npm run indexer -- serve-intake`). It implements the same
 * `CredentialIntake` as the in-process intake, so the services cannot tell
 * the difference, except that an intake that is down, too slow, refuses this
 * server's token or answers nonsense becomes `ServiceUnavailableError`
 * (SERVICE_UNAVAILABLE in GraphQL, 503 at the push endpoint), never a hang.
 */
import type { CredentialIntake, IntakeItemResult } from '../../mappings/credential-intake.ts';
import {
  decodeResults,
  encodeEarnerRequest,
  encodeIssuerRequest,
  INTAKE_PATHS,
  INTAKE_WIRE_LIMITS,
} from '../../mappings/credential-intake-wire.ts';
import type { IntakeClientConfig } from '../config.ts';
import { ServiceUnavailableError } from '../errors.ts';
import type { Logger } from '../log.ts';

const UNAVAILABLE = 'Adding credentials is unavailable right now (the credential intake service does not answer); try again in a moment.';

export function createHttpIntake(config: IntakeClientConfig, log: Logger): CredentialIntake {
  const base = config.url.replace(/\/+$/, '');
  async function call(path: string, body: unknown): Promise<IntakeItemResult[]> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}` },
        body: JSON.stringify(body),
        // Covers the answer's body too: a stalled intake never holds a request past this.
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      log.error('credential intake unreachable', { url: `${base}${path}`, timedOut, message: (error as Error).message });
      throw new ServiceUnavailableError(
        timedOut
          ? `Adding credentials took too long (over ${config.timeoutMs} ms) and was stopped; some items may have been added. Try again in a moment: items already added answer ALREADY_ADDED.`
          : UNAVAILABLE,
      );
    }
    if (response.status === 401) {
      log.error('credential intake refused this API: INTAKE_TOKEN differs from the intake service', { url: `${base}${path}` });
      throw new ServiceUnavailableError(UNAVAILABLE);
    }
    const results = response.ok && text.length <= INTAKE_WIRE_LIMITS.responseBytes ? decodeResults(safeJson(text)) : undefined;
    if (!results) {
      log.error('credential intake failed', { url: `${base}${path}`, status: response.status, answer: text.slice(0, 300) });
      throw new ServiceUnavailableError(UNAVAILABLE);
    }
    return results;
  }
  return {
    addForEarner: (request) => call(INTAKE_PATHS.earner, encodeEarnerRequest(request)),
    pushForIssuer: (request) => call(INTAKE_PATHS.issuer, encodeIssuerRequest(request)),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
