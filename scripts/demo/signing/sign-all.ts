/**
 * Signs every planned badge, in this thread or spread over worker threads.
 * Data Integrity signing (RDF canonicalization) dominates the cost, so large
 * runs use workers; the output is the same either way, in plan order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { issueBadge, type IssuedCredential } from './issue.ts';
import { keysFor, type IssuerKeys, type IssuerSetup } from '../issuers/issuers.ts';
import type { PlannedBadge } from '../data/plan.ts';
import type { SignRequest, SignResponse } from './sign-worker.ts';
import type { DemoUrls } from '../urls.ts';

const CHUNK = 200;
/** Below this many Data Integrity signatures, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 1_500;

/** How many workers to use when the caller did not say. */
export function defaultWorkers(badges: readonly PlannedBadge[], setups: readonly IssuerSetup[]): number {
  const slow = badges.filter(
    (b) => setups[b.issuerIndex]!.definition.method.includes('rdfc') || setups[b.issuerIndex]!.definition.method.includes('2020'),
  ).length;
  return slow < WORKER_THRESHOLD ? 0 : Math.min(2, availableParallelism());
}

async function signInThread(badges: readonly PlannedBadge[], setups: readonly IssuerSetup[], urls: DemoUrls): Promise<IssuedCredential[]> {
  const keys = new Map<number, IssuerKeys>();
  const issued: IssuedCredential[] = [];
  for (const badge of badges) {
    const setup = setups[badge.issuerIndex]!;
    if (!keys.has(setup.index)) keys.set(setup.index, await keysFor(setup));
    issued.push(await issueBadge(badge, setup, keys.get(setup.index)!, urls));
  }
  return issued;
}

async function signWithWorkers(
  badges: readonly PlannedBadge[],
  setups: readonly IssuerSetup[],
  urls: DemoUrls,
  workers: number,
): Promise<IssuedCredential[]> {
  const chunks: PlannedBadge[][] = [];
  for (let i = 0; i < badges.length; i += CHUNK) chunks.push(badges.slice(i, i + CHUNK));
  const results: IssuedCredential[][] = new Array(chunks.length);
  let next = 0;
  const spawn = (): Worker =>
    new Worker(new URL('./sign-worker-entry.mjs', import.meta.url), { workerData: { setups, issuerBaseUrl: urls.root } });
  const pool = Array.from({ length: Math.min(workers, chunks.length) }, spawn);
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= chunks.length) return resolve();
              const chunk = next++;
              worker.postMessage({ chunk, badges: chunks[chunk]! } satisfies SignRequest);
            };
            worker.on('message', (response: SignResponse) => {
              if ('error' in response) return reject(new Error(`signing worker failed on chunk ${response.chunk}: ${response.error}`));
              results[response.chunk] = response.issued;
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`signing worker exited with code ${code}`))));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results.flat();
}

/** Signs `badges` in plan order; `workers` 0 signs in this thread. */
export async function signAll(
  badges: readonly PlannedBadge[],
  setups: readonly IssuerSetup[],
  urls: DemoUrls,
  workers: number,
): Promise<IssuedCredential[]> {
  return workers > 0 && badges.length > CHUNK ? signWithWorkers(badges, setups, urls, workers) : signInThread(badges, setups, urls);
}
