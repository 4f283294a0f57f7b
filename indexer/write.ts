/**
 * Bulk writes through the client's bulk helper: batches sized by bytes, a few
 * requests in flight (backpressure: the datasource is pulled only as fast as
 * the engine accepts), retries with backoff on 429. Documents the engine
 * rejects are reported, never silently lost, and never stop the batch.
 */
import type { Client } from '@elastic/elasticsearch';

export interface WriteItem<T> {
  id: string;
  /** Absent: delete the document with this id. */
  document?: T;
}

export interface RejectedWrite {
  id: string;
  status: number;
  reason: string;
}

export interface WriteResult {
  written: number;
  deleted: number;
  rejected: RejectedWrite[];
  bytes: number;
  ms: number;
}

export interface WriteOptions {
  /** Flush a batch at this many bytes (default 5 MB). */
  flushBytes?: number;
  /** Bulk requests in flight (default 3). */
  concurrency?: number;
  /** Retries of a document the engine answered 429 for (default 5). */
  retries?: number;
  /** Refresh the index at the end, so searches see the writes at once. */
  refresh?: boolean;
}

export async function writeDocuments<T>(
  client: Client,
  index: string,
  items: Iterable<WriteItem<T>> | AsyncIterable<WriteItem<T>>,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const rejected: RejectedWrite[] = [];
  let written = 0;
  let deleted = 0;
  const source = toAsyncIterator(items);
  const stats = await client.helpers.bulk<WriteItem<T>>({
    datasource: source,
    flushBytes: options.flushBytes ?? 5_000_000,
    concurrency: options.concurrency ?? 3,
    retries: options.retries ?? 5,
    wait: 500,
    refreshOnCompletion: options.refresh ? index : false,
    onDocument: (item) => {
      if (item.document === undefined) return { delete: { _index: index, _id: item.id } };
      return [{ index: { _index: index, _id: item.id } }, item.document];
    },
    onSuccess: ({ result }) => {
      if (!result.delete) written++;
      else if (result.delete.result === 'deleted') deleted++;
    },
    onDrop: (drop) => {
      // A delete of a document that is already gone is not a failure.
      if (drop.status === 404 && 'delete' in (drop.operation as object)) return;
      rejected.push({ id: operationId(drop.operation), status: drop.status, reason: drop.error ? `${drop.error.type}: ${drop.error.reason ?? ''}` : `status ${drop.status}` });
    },
  });
  if (stats.aborted) throw new Error(`bulk write to ${index} was aborted`);
  return { written, deleted, rejected, bytes: stats.bytes, ms: stats.time };
}

/** The `_id` of a bulk action, whichever kind it is. */
function operationId(operation: unknown): string {
  const action = (Array.isArray(operation) ? operation[0] : operation) as Record<string, { _id?: string }>;
  return Object.values(action)[0]?._id ?? '(no id)';
}

async function* toAsyncIterable<T>(items: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* items as AsyncIterable<T>;
}

function toAsyncIterator<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  return toAsyncIterable(items)[Symbol.asyncIterator]();
}
