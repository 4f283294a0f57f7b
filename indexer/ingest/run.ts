/**
 * One ingest run as the command line and the refresh job run it: inputs
 * expanded from paths and URLs, a progress bar, rejects to a JSON Lines file.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { createProgress } from './progress.ts';
import { resolverOptionsOf, type IndexerRuntime } from '../runtime/runtime.ts';
import { expandInputs } from './inputs.ts';
import { ingest } from './ingest.ts';
import type { Reject } from './prepare.ts';
import type { RunSummary } from './summary.ts';
import { createVerifyPool } from './verify-pool.ts';

/** Rejected items go to a JSON Lines file, opened on the first reject. */
function rejectsWriter(file: string): { write(r: Reject): void; close(): Promise<void>; count(): number } {
  let stream: WriteStream | undefined;
  let n = 0;
  return {
    write(r) {
      if (!stream) {
        mkdirSync(path.dirname(file), { recursive: true });
        stream = createWriteStream(file);
      }
      n++;
      stream.write(`${JSON.stringify(r)}\n`);
    },
    close: () => new Promise((resolve) => (stream ? stream.end(resolve) : resolve())),
    count: () => n,
  };
}

async function countUnits(inputs: string[], allowHosts: readonly string[]): Promise<number> {
  let n = 0;
  for await (const _ of expandInputs(inputs, { allowHosts })) n++;
  return n;
}

export async function runIngest(runtime: IndexerRuntime, inputs: string[], rejectsFile: string, signal?: AbortSignal): Promise<RunSummary> {
  const rejects = rejectsWriter(rejectsFile);
  const total = process.stderr.isTTY ? await countUnits(inputs, runtime.config.allowHosts) : undefined;
  const progress = createProgress({ label: 'ingest', ...(total ? { total } : {}) });
  // Workers verify with the runtime's resolver settings (SSRF allow-list included) and recipient.
  const { workers, workerHeapMb } = runtime.config;
  const verifyPool =
    workers > 1
      ? createVerifyPool(
          workers,
          {
            resolver: resolverOptionsOf(runtime.config),
            ...(runtime.verify.recipient ? { recipient: runtime.verify.recipient } : {}),
          },
          workerHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: workerHeapMb } } : undefined,
        )
      : undefined;
  try {
    const summary = await ingest(expandInputs(inputs, { timeoutMs: runtime.config.httpTimeoutMs, allowHosts: runtime.config.allowHosts }), {
      ...runtime,
      chunkSize: runtime.config.chunkSize,
      verifyConcurrency: runtime.config.verifyConcurrency,
      ...(verifyPool ? { verifyPool } : {}),
      onReject: (r) => rejects.write(r),
      onProgress: (s) => progress.update(s.inputs),
      ...(signal ? { signal } : {}),
    });
    progress.finish();
    return summary;
  } finally {
    await verifyPool?.close();
    await rejects.close();
  }
}
