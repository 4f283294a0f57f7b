/**
 * DID Auth verification reached over HTTP: an API started on its own (the
 * Docker image's API container) with `INTAKE_URL` has presentations verified
 * by the indexer's intake service, which holds the DID resolvers and proof
 * suites (`mappings/did-auth.ts`). The challenge bookkeeping and the link
 * stay in the API (`api/did-auth/service.ts`); only the verification
 * crosses. A service that is down, too slow or refuses this server's token
 * becomes `ServiceUnavailableError` (SERVICE_UNAVAILABLE, HTTP 503).
 */
import { decodeVerdict, INTAKE_PATHS } from '../../mappings/credential-intake-wire.ts';
import type { DidAuthentication } from '../../mappings/did-auth.ts';
import type { IntakeClientConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { callIntakeService, type CallMessages } from './intake-call.ts';

// The challenge was used when the verification was asked for: the earner needs a new one.
const AGAIN = 'ask for a new challenge and sign it again in a moment';
const MESSAGES: CallMessages = {
  unavailable: `Linking a DID is unavailable right now (the verification service does not answer); ${AGAIN}.`,
  timedOut: (ms) => `Checking the presentation took too long (over ${ms} ms) and was stopped; ${AGAIN}.`,
};

export function createHttpDidAuthentication(config: IntakeClientConfig, log: Logger): DidAuthentication {
  return {
    verifyDidAuth: (request) => callIntakeService(config, log, INTAKE_PATHS.didAuth, request, decodeVerdict, MESSAGES),
  };
}
