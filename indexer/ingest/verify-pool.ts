/**
 * Verification spread over worker threads, one per core by default
 * (`INDEXER_WORKERS`). Data Integrity verification is CPU work in JavaScript
 * (JSON-LD expansion and canonicalization), so one thread caps ingest; the
 * workers only read and verify, and hand back plain results: every write to
 * the engine stays on the main thread.
 *
 * A worker that dies (a crash, a memory limit) fails the items it held with
 * `VerifyWorkerCrashed`, which ingest turns into a reject naming the item; the
 * next item starts a fresh worker. Idle workers do not keep the process alive.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ResolverOptions } from '../verify/resolver.ts';
import type { CredentialInput, NormalizedCredential } from '../verify/types.ts';
import type { VerifyRequest, VerifyResponse } from './verify-worker.ts';

/** What each worker needs to verify as the main thread would (plain data: it is copied to the thread). */
export interface VerifyWorkerSetup {
  /** The resolver's settings: URL mappings, network switch, SSRF allow-list, timeout. */
  resolver: ResolverOptions;
  recipient?: string;
}

/** Thrown for the items a worker held when it died, or could not answer. */
export class VerifyWorkerCrashed extends Error {}

export interface VerifyPool {
  readonly size: number;
  /** Reads and verifies one input item in a worker; same answer as `readCredentials` in this thread. */
  read(input: CredentialInput, now: Date): Promise<NormalizedCredential[]>;
  /** Terminates every worker; items still pending fail with `VerifyWorkerCrashed`. */
  close(): Promise<void>;
}

/** `INDEXER_WORKERS` unset: one worker per core. */
export const defaultWorkerCount = (): number => availableParallelism();

interface Pending {
  source: string;
  resolve(credentials: NormalizedCredential[]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

export function createVerifyPool(size: number, setup: VerifyWorkerSetup, limits?: { resourceLimits?: ResourceLimits }): VerifyPool {
  if (!Number.isInteger(size) || size < 1) throw new Error(`verification workers: expected a whole number >= 1, got ${size}`);
  const slots: (Slot | undefined)[] = new Array(size).fill(undefined);
  let nextId = 0;
  let closed = false;

  const fail = (slot: Slot, why: string) => {
    for (const p of slot.pending.values()) p.reject(new VerifyWorkerCrashed(`${p.source}: the verification worker stopped (${why})`));
    slot.pending.clear();
  };

  const spawn = (index: number): Slot => {
    const worker = new Worker(new URL('./verify-worker-entry.mjs', import.meta.url), {
      workerData: setup,
      ...(limits?.resourceLimits ? { resourceLimits: limits.resourceLimits } : {}),
    });
    const slot: Slot = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (response: VerifyResponse) => {
      const p = slot.pending.get(response.id);
      if (!p) return;
      slot.pending.delete(response.id);
      if (slot.pending.size === 0) worker.unref();
      if ('error' in response)
        p.reject(new VerifyWorkerCrashed(`${p.source}: the verification worker could not verify it: ${response.error}`));
      else p.resolve(response.credentials);
    });
    let error: Error | undefined;
    worker.on('error', (e) => (error = e));
    worker.on('exit', (code) => {
      if (slots[index] === slot) slots[index] = undefined;
      fail(slot, error ? error.message : closed ? 'the pool was closed' : `exit code ${code}`);
    });
    return slot;
  };

  return {
    size,
    read(input, now) {
      if (closed) return Promise.reject(new Error('the verification pool is closed'));
      // the least busy worker, started on first use (and again after a crash)
      let index = 0;
      for (let i = 0; i < size; i++) if ((slots[i]?.pending.size ?? 0) < (slots[index]?.pending.size ?? 0)) index = i;
      const slot = slots[index] ?? (slots[index] = spawn(index));
      const id = nextId++;
      return new Promise<NormalizedCredential[]>((resolve, reject) => {
        slot.pending.set(id, { source: input.source, resolve, reject });
        slot.worker.ref(); // busy workers keep the process alive until they answer
        slot.worker.postMessage({ id, source: input.source, bytes: input.bytes, now } satisfies VerifyRequest);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => slot?.worker.terminate()));
    },
  };
}
