/**
 * `POST /api/issuer/credentials`: a recognized issuer pushes credentials in
 * bulk with its API key (`Authorization: Bearer tdk_…`). The body is a JSON
 * array (of credential objects, or strings holding a compact JWS / VC-JWT),
 * `{ "credentials": [...] }`, or NDJSON (`application/x-ndjson`, one
 * credential per line). At most `INTAKE_LIMITS.maxPushItems` credentials and
 * `maxPushBytes` per request; an item over `maxPushItemBytes` is refused on
 * its own. The answer lists one result per credential, in order; a bad item
 * never fails the others. The intake keeps only credentials whose proven
 * issuer is the key's own registry entry. Each key has per-minute limits of
 * requests and credentials (429 with `Retry-After`); an intake service that
 * does not answer is 503 with `Retry-After`.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { INTAKE_LIMITS, type IntakeItemResult } from '../../mappings/credential-intake.ts';
import type { Logger } from '../log.ts';
import type { Platform } from '../platform.ts';
import { requestIdOf } from '../request-id.ts';
import { authenticateIssuerKey } from './service.ts';
import { lastUsedNoter } from './last-used.ts';
import { RETRY_AFTER_SECONDS, UnavailableError } from '../errors.ts';
import { takeIssuerPush } from '../intake-client/rate-limits.ts';

type Pushed = { source: string; bytes: Uint8Array };

/** The items of a push body, or a problem naming what is wrong. Pure. */
export function pushedItems(body: Buffer, contentType: string): { items: Pushed[] } | { problem: string } {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (/ndjson|jsonl|json-seq/i.test(contentType)) {
    const items: Pushed[] = [];
    text.split('\n').forEach((line, i) => {
      const trimmed = line.trim();
      if (!trimmed) return;
      let content = trimmed;
      if (trimmed.startsWith('"')) {
        try {
          content = String(JSON.parse(trimmed));
        } catch {
          content = trimmed;
        }
      }
      items.push({ source: `line ${i + 1}`, bytes: Buffer.from(content, 'utf8') });
    });
    return { items };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      problem: `The body is not valid JSON (${(error as Error).message}); send a JSON array of credentials, or NDJSON with Content-Type application/x-ndjson.`,
    };
  }
  const list = Array.isArray(value) ? value : (value as { credentials?: unknown })?.credentials;
  if (!Array.isArray(list)) return { problem: 'Send a JSON array of credentials (or { "credentials": [...] }).' };
  return {
    items: list.map((c, i) => ({ source: `[${i}]`, bytes: Buffer.from(typeof c === 'string' ? c : JSON.stringify(c), 'utf8') })),
  };
}

const tooLarge = (source: string): IntakeItemResult => ({
  source,
  outcome: 'REFUSED',
  reasons: ['TOO_LARGE'],
  message: `Not stored: larger than the ${INTAKE_LIMITS.maxPushItemBytes / 1024 / 1024} MiB limit of one credential.`,
});

export function issuerPushRoute(platform: Platform, log: Logger, now: () => Date = () => new Date()) {
  const body = express.raw({ type: () => true, limit: INTAKE_LIMITS.maxPushBytes });
  const noteUse = lastUsedNoter(platform.issuerKeys, platform.background);
  const fail = (req: Request, res: Response, status: number, code: string, message: string) =>
    res.status(status).json({ errors: [{ message, extensions: { code, requestId: requestIdOf(req) } }] });
  const handle = async (req: Request, res: Response): Promise<void> => {
    const header = req.headers.authorization ?? '';
    const presented = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const auth = await authenticateIssuerKey(platform, presented);
    if (!auth.ok) {
      if (auth.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="issuer push"');
      fail(req, res, auth.status, auth.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', auth.message);
      return;
    }
    if (!platform.intake) {
      fail(
        req,
        res,
        503,
        'SERVICE_UNAVAILABLE',
        'Pushing credentials is not available on this server: it runs the API without the indexer (and no INTAKE_URL).',
      );
      return;
    }
    const parsed = pushedItems(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.headers['content-type'] ?? '');
    if ('problem' in parsed) {
      fail(req, res, 400, 'BAD_REQUEST', parsed.problem);
      return;
    }
    const { items } = parsed;
    if (items.length === 0) {
      fail(req, res, 400, 'BAD_REQUEST', 'The body holds no credential.');
      return;
    }
    if (items.length > INTAKE_LIMITS.maxPushItems) {
      fail(
        req,
        res,
        400,
        'BAD_REQUEST',
        `At most ${INTAKE_LIMITS.maxPushItems} credentials per request (${items.length} sent); split the push.`,
      );
      return;
    }
    const limited = takeIssuerPush(platform, auth.key.id, items.length, now());
    if (limited) {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((limited.retryAt.getTime() - Date.now()) / 1000))));
      res.status(429).json({
        errors: [{ message: limited.message, extensions: { code: limited.code, ...limited.extensions(), requestId: requestIdOf(req) } }],
      });
      return;
    }
    const fitting = items.filter((i) => i.bytes.length <= INTAKE_LIMITS.maxPushItemBytes);
    let pushed: IntakeItemResult[];
    try {
      pushed = await platform.intake.pushForIssuer({ issuerEntryId: auth.key.issuerEntryId, items: fitting });
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      fail(req, res, 503, error.code, error.message);
      return;
    }
    noteUse(auth.key, now());
    const bySource = new Map<string, IntakeItemResult[]>();
    for (const r of pushed) {
      const item = fitting.find((i) => r.source === i.source || r.source.startsWith(`${i.source}#`) || r.source.startsWith(`${i.source}:`));
      const key = item?.source ?? r.source;
      bySource.set(key, [...(bySource.get(key) ?? []), r]);
    }
    const results = items.flatMap((i) =>
      i.bytes.length > INTAKE_LIMITS.maxPushItemBytes ? [tooLarge(i.source)] : (bySource.get(i.source) ?? []),
    );
    const count = (outcome: IntakeItemResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
    log.info('issuer push', {
      requestId: requestIdOf(req),
      keyId: auth.key.id,
      issuer: auth.key.issuerEntryId,
      items: items.length,
      added: count('ADDED'),
    });
    res.json({
      issuer: auth.key.issuerEntryId,
      added: count('ADDED'),
      alreadyAdded: count('ALREADY_ADDED'),
      refused: count('REFUSED'),
      results,
    });
  };
  return [
    body,
    (req: Request, res: Response, next: NextFunction) => {
      handle(req, res).catch(next);
    },
  ];
}
