/**
 * Worker thread that reads and verifies credentials. It builds its own
 * resolver from the plain settings it is given (the same mappings, network
 * switch and SSRF allow-list as the main thread's), so its answers equal
 * reading in the main thread. It never writes to the engine.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readCredentials } from '../sources/read-credentials.ts';
import { createResolver } from '../verify/resolver.ts';
import type { NormalizedCredential, VerifyOptions } from '../verify/types.ts';
import type { VerifyWorkerSetup } from './verify-pool.ts';

/** What the pool sends: one input item and the run's clock. */
export interface VerifyRequest {
  id: number;
  source: string;
  bytes: Uint8Array;
  now: Date;
}

/** What the worker answers. */
export type VerifyResponse = { id: number; credentials: NormalizedCredential[] } | { id: number; error: string };

const setup = workerData as VerifyWorkerSetup;
const options: VerifyOptions = { resolver: createResolver(setup.resolver), ...(setup.recipient ? { recipient: setup.recipient } : {}) };

parentPort!.on('message', (request: VerifyRequest) => {
  void (async () => {
    let response: VerifyResponse;
    try {
      response = { id: request.id, credentials: await readCredentials(request, { ...options, now: request.now }) };
    } catch (error) {
      response = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    try {
      parentPort!.postMessage(response);
    } catch (error) {
      // e.g. a result that cannot be cloned: the item fails, the worker lives on
      parentPort!.postMessage({ id: request.id, error: `the result could not be sent back: ${(error as Error).message}` });
    }
  })();
});
