/**
 * One call to the indexer's intake service (`INTAKE_URL`, `INTAKE_TOKEN`),
 * shared by the credential intake and the DID Auth clients: a POST of JSON
 * with the token, bounded by `INTAKE_TIMEOUT_MS` (the answer's body too),
 * the answer decoded by the caller. A service that is down, too slow,
 * refuses this server's token or answers nonsense becomes
 * `ServiceUnavailableError` with `messages`' plain words (details to the
 * log), never a hang.
 */
import { INTAKE_WIRE_LIMITS } from '../../mappings/credential-intake-wire.ts';
import type { IntakeClientConfig } from '../config.ts';
import { ServiceUnavailableError } from '../errors.ts';
import type { Logger } from '../log.ts';

export interface CallMessages {
  /** The service does not answer, refuses the token or answers nonsense. */
  unavailable: string;
  /** The service took longer than the timeout. */
  timedOut: (timeoutMs: number) => string;
}

export async function callIntakeService<T>(
  config: IntakeClientConfig,
  log: Logger,
  path: string,
  body: unknown,
  decode: (answer: unknown) => T | undefined,
  messages: CallMessages,
): Promise<T> {
  const url = `${config.url.replace(/\/+$/, '')}${path}`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}` },
      body: JSON.stringify(body),
      // Covers the answer's body too: a stalled intake never holds a request past this.
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    log.error('credential intake unreachable', { url, timedOut, message: (error as Error).message });
    throw new ServiceUnavailableError(timedOut ? messages.timedOut(config.timeoutMs) : messages.unavailable);
  }
  if (response.status === 401) {
    log.error('credential intake refused this API: INTAKE_TOKEN differs from the intake service', { url });
    throw new ServiceUnavailableError(messages.unavailable);
  }
  const decoded = response.ok && text.length <= INTAKE_WIRE_LIMITS.responseBytes ? decode(safeJson(text)) : undefined;
  if (decoded === undefined) {
    log.error('credential intake failed', { url, status: response.status, answer: text.slice(0, 300) });
    throw new ServiceUnavailableError(messages.unavailable);
  }
  return decoded;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
