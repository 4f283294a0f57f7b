/**
 * The indexer's implementation of `CredentialIntake` (see
 * `mappings/credential-intake.ts`), built on a running indexer runtime.
 *
 * Verification runs concurrently; the storing step (read stored copies and
 * links, write credentials, rebuild earner documents) runs one at a time per
 * intake, so two requests adding to one earner at once never rebuild the
 * earner document from a stale read and lose a badge. One process serves
 * the intake (the API's, under `npm start`); several API processes would
 * each have their own (see README "Earners add their own badges").
 */
import type { CredentialIntake } from '../../mappings/credential-intake.ts';
import type { FetchPolicy } from '../net/safe-fetch.ts';
import type { IndexerRuntime } from '../runtime/runtime.ts';
import { MAX_INPUT_BYTES } from '../sources/limits.ts';
import { addForEarner } from './earner-intake.ts';
import { pushForIssuer } from './issuer-push.ts';

export interface IntakeDependencies {
  runtime: IndexerRuntime;
  /** How URLs are fetched: the indexer's policy for remote inputs (INDEXER_ALLOW_HOSTS, INDEXER_HTTP_TIMEOUT_MS). */
  fetchPolicy: FetchPolicy;
  /** Runs `work` when no other storing step of this intake runs. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

function serial(): IntakeDependencies['exclusive'] {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work, work);
    tail = run.catch(() => {});
    return run;
  };
}

export function createCredentialIntake(runtime: IndexerRuntime): CredentialIntake {
  const deps: IntakeDependencies = {
    runtime,
    fetchPolicy: { timeoutMs: runtime.config.httpTimeoutMs, maxBytes: MAX_INPUT_BYTES, allowHosts: runtime.config.allowHosts },
    exclusive: serial(),
  };
  return {
    addForEarner: (request) => addForEarner(deps, request),
    pushForIssuer: (request) => pushForIssuer(deps, request),
  };
}
