/**
 * Worker thread that signs chunks of planned badges. It rebuilds the issuer
 * keys from the plain setups it is given, so results are byte-identical to
 * signing in the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { issueBadge, type IssuedCredential } from './issue.ts';
import { keysFor, type IssuerKeys, type IssuerSetup } from '../issuers/issuers.ts';
import type { PlannedBadge } from '../data/plan.ts';
import { demoUrls } from '../urls.ts';

/** What the pool sends: a chunk of badges to sign. */
export interface SignRequest {
  chunk: number;
  badges: PlannedBadge[];
}

/** What the worker answers. */
export type SignResponse = { chunk: number; issued: IssuedCredential[] } | { chunk: number; error: string };

const { setups, issuerBaseUrl } = workerData as { setups: IssuerSetup[]; issuerBaseUrl: string };
const urls = demoUrls(issuerBaseUrl);
const keys = new Map<number, Promise<IssuerKeys>>();
const keysOf = (setup: IssuerSetup): Promise<IssuerKeys> => {
  if (!keys.has(setup.index)) keys.set(setup.index, keysFor(setup));
  return keys.get(setup.index)!;
};

parentPort!.on('message', (request: SignRequest) => {
  void (async () => {
    try {
      const issued: IssuedCredential[] = [];
      for (const badge of request.badges) {
        const setup = setups[badge.issuerIndex]!;
        issued.push(await issueBadge(badge, setup, await keysOf(setup), urls));
      }
      parentPort!.postMessage({ chunk: request.chunk, issued } satisfies SignResponse);
    } catch (error) {
      parentPort!.postMessage({
        chunk: request.chunk,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies SignResponse);
    }
  })();
});
