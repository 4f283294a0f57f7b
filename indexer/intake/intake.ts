/**
 * The indexer's implementation of `CredentialIntake` (see
 * `mappings/credential-intake.ts`), built on a running indexer runtime.
 *
 * Verification runs concurrently; the storing step (read stored copies and
 * links, write credentials, rebuild earner documents) runs one at a time per
 * intake, so two requests adding to one earner at once never rebuild the
 * earner document from a stale read and lose a badge. One process serves
 * the intake: the API's under `npm start`, or the intake service
 * (`http-service.ts`) that any number of API processes call (see README
 * "Earners add their own badges").
 */
import type { CredentialIntake } from '../../mappings/credential-intake.ts';
import type { FetchPolicy } from '../net/safe-fetch.ts';
import type { IndexerRuntime } from '../runtime/runtime.ts';
import { MAX_INPUT_BYTES } from '../sources/limits.ts';
import { addForEarner, storeEarnerJobs, type EarnerStoreJob } from './earner-intake.ts';
import { pushForIssuer } from './issuer-push.ts';

export interface IntakeDependencies {
  runtime: IndexerRuntime;
  /** How URLs are fetched: the indexer's policy for remote inputs (INDEXER_ALLOW_HOSTS, INDEXER_HTTP_TIMEOUT_MS). */
  fetchPolicy: FetchPolicy;
  /** Runs `work` when no other storing step of this intake runs. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Stores one earner request's credentials, together with the requests waiting at the same time. */
  storeForEarner(job: EarnerStoreJob): Promise<void>;
}

function serial(): IntakeDependencies['exclusive'] {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work, work);
    tail = run.catch(() => {});
    return run;
  };
}

/**
 * Jobs queued while a storing step runs go into the next step together: 20
 * earners (or one earner's 20 tabs) adding at once cost a few engine round
 * trips, not 20 times as many.
 */
function coalescing<J>(exclusive: IntakeDependencies['exclusive'], run: (jobs: J[]) => Promise<void>): (job: J) => Promise<void> {
  let queue: { job: J; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;
  return (job) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ job, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      void exclusive(async () => {
        scheduled = false;
        const batch = queue;
        queue = [];
        try {
          await run(batch.map((b) => b.job));
          for (const b of batch) b.resolve();
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      });
    });
}

export function createCredentialIntake(runtime: IndexerRuntime): CredentialIntake {
  const exclusive = serial();
  const deps: IntakeDependencies = {
    runtime,
    fetchPolicy: { timeoutMs: runtime.config.httpTimeoutMs, maxBytes: MAX_INPUT_BYTES, allowHosts: runtime.config.allowHosts },
    exclusive,
    storeForEarner: (job) => store(job),
  };
  const store = coalescing<EarnerStoreJob>(exclusive, (jobs) => storeEarnerJobs(deps, jobs));
  return {
    addForEarner: (request) => addForEarner(deps, request),
    pushForIssuer: (request) => pushForIssuer(deps, request),
  };
}
