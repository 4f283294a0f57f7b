/**
 * A real HTTP server on 127.0.0.1 (random port) that serves JSON documents by
 * path, standing in for issuers' hosts in tests. Documents can be replaced
 * while it runs (to tamper with a hosted assertion, revoke, ...).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IssuerServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Serves `body` (JSON-encoded unless a string) at `path`, with HTTP `status` (default 200). */
  serve(path: string, body: unknown, status?: number): void;
  /** Requests received, by path (to assert caching). */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startIssuerServer(): Promise<IssuerServer> {
  const documents = new Map<string, { body: string; status: number }>();
  const hitCounts = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    hitCounts.set(path, (hitCounts.get(path) ?? 0) + 1);
    const document = documents.get(path);
    if (document === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(document.status, { 'content-type': 'application/json' }).end(document.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    serve(path, body, status = 200) {
      documents.set(path, { body: typeof body === 'string' ? body : JSON.stringify(body), status });
    },
    hits: (path) => hitCounts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
