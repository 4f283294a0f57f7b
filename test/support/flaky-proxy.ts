/**
 * A real HTTP proxy on 127.0.0.1 in front of the real engine that misbehaves
 * as an overloaded node does: it can refuse whole `_bulk` requests (429/503)
 * or mark single items of a forwarded `_bulk` answer as rejected (429). For
 * failure tests of the writers; every other request passes through untouched.
 */
import http from 'node:http';

export interface FlakyProxy {
  url: string;
  /** Answer the next N `_bulk` requests with this status, without forwarding them. */
  failNextBulk(count: number, status: number): void;
  /** Forward the next `_bulk` request, then report its first item as failed with `status` (default 429; the engine did write it). */
  rejectFirstItemOfNextBulk(status?: number): void;
  bulkRequests(): number;
  close(): Promise<void>;
}

export async function startFlakyProxy(engineUrl: string): Promise<FlakyProxy> {
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  let rejectFirstItem = 0;
  let bulkCount = 0;
  const target = new URL(engineUrl);
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const isBulk = (req.url ?? '').includes('/_bulk');
    if (isBulk) bulkCount++;
    if (isBulk && failures.count > 0) {
      failures.count--;
      res
        .writeHead(failures.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { type: 'es_rejected_execution_exception', reason: 'injected' }, status: failures.status }));
      return;
    }
    const upstream = await fetch(new URL(req.url ?? '/', target), {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)),
      ) as Record<string, string>,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    let text = await upstream.text();
    if (isBulk && rejectFirstItem) {
      const status = rejectFirstItem;
      rejectFirstItem = 0;
      const body = JSON.parse(text) as { errors: boolean; items: Record<string, Record<string, unknown>>[] };
      const first = body.items[0]!;
      const op = Object.keys(first)[0]!;
      const type = status === 429 ? 'es_rejected_execution_exception' : 'unavailable_shards_exception';
      first[op] = { ...first[op], status, error: { type, reason: 'injected' } };
      body.errors = true;
      text = JSON.stringify(body);
    }
    res
      .writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
        'x-elastic-product': 'Elasticsearch',
      })
      .end(text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    failNextBulk: (count, status) => (failures = { count, status }),
    rejectFirstItemOfNextBulk: (status = 429) => (rejectFirstItem = status),
    bulkRequests: () => bulkCount,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
