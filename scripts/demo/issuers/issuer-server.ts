/**
 * The demo issuers' web server: a real node:http server on 127.0.0.1 serving
 * hosted OB 2.0 assertions, badge classes, issuer profiles, keys, revocation
 * lists and OB 3.0 status lists at the URLs the generated credentials name.
 *
 * With port 0 the port is only known once the server listens, so the server
 * can start empty and receive its documents (`serve`) after the data set was
 * generated for its origin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostedDocuments } from '../types.ts';

export interface DemoIssuerServerOptions {
  /** Documents by URL path (`/ob2/…`); more can be given later with `serve`. */
  hosted?: HostedDocuments;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Bind address (default 127.0.0.1: the demo issuers are never public). */
  host?: string;
}

export interface DemoIssuerServer {
  /** `http://127.0.0.1:<port>`: use it as the data set's `issuerBaseUrl`. */
  origin: string;
  port: number;
  /** Replaces the served documents. */
  serve(hosted: HostedDocuments): void;
  /** Requests answered so far (any status). */
  requestCount(): number;
  close(): Promise<void>;
}

/** Content type by path: OB 3.0 documents are JSON-LD, OB 2.0 ones plain JSON. */
export function contentTypeOf(urlPath: string): string {
  if (urlPath.endsWith('.svg')) return 'image/svg+xml';
  if (urlPath.startsWith('/ob3/')) return 'application/ld+json';
  return 'application/json';
}

export async function startDemoIssuerServer(options: DemoIssuerServerOptions = {}): Promise<DemoIssuerServer> {
  let documents: HostedDocuments = options.hosted ?? new Map();
  let requests = 0;
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    requests++;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
      return;
    }
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    const body = documents.get(urlPath);
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypeOf(urlPath),
      'content-length': Buffer.byteLength(body),
      'cache-control': 'max-age=300',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    origin: `http://${address}:${port}`,
    port,
    serve(hosted) {
      documents = hosted;
    },
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
