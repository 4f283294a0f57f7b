/**
 * The baseline: the finished documents of an ingest run, read back from its
 * indices, sent to fresh indices as plain `_bulk` requests (NDJSON bodies of
 * about 5 MB, 3 in flight: the same batching the indexer uses). No parsing,
 * verification, normalization or merging: only the engine's own work.
 */
import type { Client } from '@elastic/elasticsearch';
import { aliasName, ensureIndex, type IndexKind, type IndexTarget } from '../../../mappings/indices.ts';

const KINDS: IndexKind[] = ['credentials', 'earners', 'badge-classes'];

export interface FinishedDocuments {
  /** NDJSON bodies per index kind, ready to send. */
  bodies: Map<IndexKind, string[]>;
  documents: number;
  bytes: number;
}

/** Reads every document of the ingest's indices and pre-renders bulk bodies (outside the timed part). */
export async function readFinishedDocuments(
  client: Client,
  sourcePrefix: string,
  kinds: readonly IndexKind[] = KINDS,
  flushBytes = 5_000_000,
): Promise<FinishedDocuments> {
  const bodies = new Map<IndexKind, string[]>();
  let documents = 0;
  let bytes = 0;
  for (const kind of kinds) {
    const out: string[] = [];
    let current = '';
    let after: unknown[] | undefined;
    for (;;) {
      const page = await client.search({
        index: aliasName(sourcePrefix, kind),
        size: 5000,
        sort: ['_doc'],
        ...(after ? { search_after: after as never } : {}),
      });
      for (const hit of page.hits.hits) {
        const line = `${JSON.stringify({ index: { _id: hit._id } })}\n${JSON.stringify(hit._source)}\n`;
        current += line;
        documents++;
        bytes += Buffer.byteLength(line);
        if (current.length >= flushBytes) {
          out.push(current);
          current = '';
        }
      }
      if (page.hits.hits.length < 5000) break;
      after = page.hits.hits.at(-1)?.sort;
    }
    if (current) out.push(current);
    bodies.set(kind, out);
  }
  return { bodies, documents, bytes };
}

/** Sends the bodies with `concurrency` requests in flight; returns milliseconds. */
export async function rawBulk(target: IndexTarget, finished: FinishedDocuments, concurrency = 3): Promise<number> {
  const kinds = [...finished.bodies.keys()];
  for (const kind of kinds) await ensureIndex(target, kind);
  const jobs = [...finished.bodies].flatMap(([kind, bodies]) => bodies.map((body) => ({ index: aliasName(target.prefix, kind), body })));
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const response = await target.client.transport.request<{ errors: boolean }>({
        method: 'POST',
        path: `/${job.index}/_bulk`,
        bulkBody: job.body,
      });
      if (response.errors) throw new Error(`raw _bulk into ${job.index} reported errors`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await target.client.indices.refresh({ index: kinds.map((k) => aliasName(target.prefix, k)).join(',') });
  return performance.now() - started;
}
