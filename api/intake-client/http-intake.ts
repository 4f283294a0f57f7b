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
import type { CredentialIntake } from '../../mappings/credential-intake.ts';
import { decodeResults, encodeEarnerRequest, encodeIssuerRequest, INTAKE_PATHS } from '../../mappings/credential-intake-wire.ts';
import type { IntakeClientConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { callIntakeService, type CallMessages } from './intake-call.ts';

const MESSAGES: CallMessages = {
  unavailable: 'Adding credentials is unavailable right now (the credential intake service does not answer); try again in a moment.',
  timedOut: (ms) =>
    `Adding credentials took too long (over ${ms} ms) and was stopped; some items may have been added. Try again in a moment: items already added answer ALREADY_ADDED.`,
};

export function createHttpIntake(config: IntakeClientConfig, log: Logger): CredentialIntake {
  const call = (path: string, body: unknown) => callIntakeService(config, log, path, body, decodeResults, MESSAGES);
  return {
    addForEarner: (request) => call(INTAKE_PATHS.earner, encodeEarnerRequest(request)),
    pushForIssuer: (request) => call(INTAKE_PATHS.issuer, encodeIssuerRequest(request)),
  };
}
