/**
 * A pass-through HTTP proxy in front of the engine that records every request
 * the API makes: the way to see the exact bodies the API sends, without
 * changing the API. Used only while capturing, never while timing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query string, as the API's engine client sent them. */
  path: string;
  contentType?: string;
  body: string;
}

export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

// Hop-by-hop and encoding headers: fetch decodes bodies, so these no longer describe what we pass on.
const DROPPED_RESPONSE_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive']);

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startRecordingProxy(engineUrl: string): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (request, response) => {
    try {
      const body = await readBody(request);
      const path = request.url ?? '/';
      const contentType = request.headers['content-type'];
      requests.push({ method: request.method ?? 'GET', path, ...(contentType ? { contentType } : {}), body });
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && !['host', 'content-length', 'accept-encoding', 'connection'].includes(name))
          headers.set(name, value);
      }
      const method = request.method ?? 'GET';
      const upstream = await fetch(`${engineUrl}${path}`, {
        method,
        headers,
        ...(body && method !== 'GET' && method !== 'HEAD' ? { body } : {}),
      });
      const answer = Buffer.from(await upstream.arrayBuffer());
      upstream.headers.forEach((value, name) => {
        if (!DROPPED_RESPONSE_HEADERS.has(name)) response.setHeader(name, value);
      });
      response.writeHead(upstream.status).end(answer);
    } catch (error) {
      response.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
