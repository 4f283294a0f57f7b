/**
 * The intake service: the indexer's `CredentialIntake` over HTTP, so an API
 * started on its own (the Docker image's API container) can add earners'
 * badges, take issuers' pushes and verify DID Auth presentations
 * (`INTAKE_URL` on the API side). The wire format is
 * `mappings/credential-intake-wire.ts`.
 *
 * Only the API calls it: every request but `GET /health` must carry
 * `Authorization: Bearer <INTAKE_TOKEN>` (compared in constant time) or is
 * answered 401 before its body is read. Bodies are capped per path (413), a
 * malformed one is 400. It trusts the API for who asks (earner id and proven
 * email, key-checked issuer entry), so it listens on 127.0.0.1 by default and
 * on a private network only (compose publishes no port for it).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CredentialIntake } from '../../mappings/credential-intake.ts';
import {
  decodeDidAuthRequest,
  decodeEarnerRequest,
  decodeIssuerRequest,
  INTAKE_PATHS,
  INTAKE_WIRE_LIMITS,
} from '../../mappings/credential-intake-wire.ts';
import type { DidAuthentication } from '../../mappings/did-auth.ts';
import type { IntakeServiceConfig } from '../config.ts';

export type IntakeLog = (msg: string, fields?: Record<string, unknown>) => void;

export interface RunningIntakeService {
  server: Server;
  url: string;
  /** Stops taking requests and waits (at most `timeoutMs`) for those in flight. */
  close(timeoutMs?: number): Promise<void>;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether `header` carries the token; hashing first gives equal lengths, so the comparison takes the same time for any guess. Pure. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token));
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The body, up to `limit` bytes. Past it the rest is read and dropped, then
 * 413 is answered: closing on unread bytes would reset the connection and
 * the caller would never see the answer. A body past twice the limit is cut.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpProblem(413, `the body is larger than ${limit} bytes`);
  const announced = Number(req.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    if (announced > 2 * limit) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit && announced <= limit) chunks.push(chunk);
      else if (size > 2 * limit) {
        req.destroy();
        reject(tooLarge());
      }
    });
    req.on('end', () => (size > limit || announced > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}

/** What the service serves: the credential intake and the DID Auth verifier, both on one indexer runtime. */
export interface IntakeServices {
  intake: CredentialIntake;
  didAuth: DidAuthentication;
}

/** A route's answer, and what the log notes about it (never the presentation or the files). */
type Answer = { body: unknown; noted: Record<string, unknown> };

export function createIntakeHandler({ intake, didAuth }: IntakeServices, token: string, log: IntakeLog) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === INTAKE_PATHS.health) return send(res, 200, { status: 'ok' });
    if (!tokenMatches(req.headers.authorization, token)) {
      log('intake request refused: missing or wrong token', { path, remote: req.socket.remoteAddress });
      res.setHeader('www-authenticate', 'Bearer realm="credential intake"');
      return send(res, 401, { error: 'missing or wrong INTAKE_TOKEN' }, true);
    }
    const route =
      path === INTAKE_PATHS.earner
        ? { limit: INTAKE_WIRE_LIMITS.earnerBodyBytes, run: runEarner }
        : path === INTAKE_PATHS.issuer
          ? { limit: INTAKE_WIRE_LIMITS.issuerBodyBytes, run: runIssuer }
          : path === INTAKE_PATHS.didAuth
            ? { limit: INTAKE_WIRE_LIMITS.didAuthBodyBytes, run: runDidAuth }
            : undefined;
    if (!route) return send(res, 404, { error: `no intake at ${req.method} ${path}` });
    if (req.method !== 'POST') return send(res, 405, { error: `${path} takes POST` });
    try {
      const body = await readBody(req, route.limit);
      let value: unknown;
      try {
        value = JSON.parse(body.toString('utf8'));
      } catch {
        throw new HttpProblem(400, 'the body is not JSON');
      }
      const started = Date.now();
      const answer = await route.run(value);
      log('intake request', { path, ...answer.noted, ms: Date.now() - started });
      send(res, 200, answer.body);
    } catch (error) {
      if (error instanceof HttpProblem) return send(res, error.status, { error: error.message }, error.status === 413);
      log('intake request failed', { path, message: (error as Error).message });
      send(res, 500, { error: 'the intake failed; see the intake service log' });
    }
  };

  function results(list: unknown[]): Answer {
    return { body: { results: list }, noted: { items: list.length } };
  }
  async function runEarner(value: unknown): Promise<Answer> {
    const decoded = decodeEarnerRequest(value);
    if (!decoded.ok) throw new HttpProblem(400, decoded.problem);
    return results(await intake.addForEarner(decoded.request));
  }
  async function runIssuer(value: unknown): Promise<Answer> {
    const decoded = decodeIssuerRequest(value);
    if (!decoded.ok) throw new HttpProblem(400, decoded.problem);
    return results(await intake.pushForIssuer(decoded.request));
  }
  async function runDidAuth(value: unknown): Promise<Answer> {
    const decoded = decodeDidAuthRequest(value);
    if (!decoded.ok) throw new HttpProblem(400, decoded.problem);
    const verdict = await didAuth.verifyDidAuth(decoded.request);
    return { body: { verdict }, noted: { verified: verdict.ok, ...(verdict.ok ? {} : { code: verdict.code }) } };
  }
}

export async function startIntakeService(
  services: IntakeServices,
  config: IntakeServiceConfig,
  log: IntakeLog,
): Promise<RunningIntakeService> {
  const handler = createIntakeHandler(services, config.token, log);
  const server = http.createServer((req, res) => void handler(req, res));
  // A push of 500 credentials may verify for a while; a stalled client may not hold a socket for ever.
  server.requestTimeout = 5 * 60_000;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  return {
    server,
    url,
    close: (timeoutMs = 8_000) =>
      new Promise<void>((resolve) => {
        const idle = setInterval(() => server.closeIdleConnections(), 50).unref();
        const cut = setTimeout(() => server.closeAllConnections(), timeoutMs).unref();
        server.close(() => {
          clearInterval(idle);
          clearTimeout(cut);
          resolve();
        });
      }),
  };
}
