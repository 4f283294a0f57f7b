/**
 * /health: is the API up, and what state is the engine in (always 200 while
 * the process runs). /ready: can the API serve searches now (503 otherwise).
 */
import type { Client } from '@elastic/elasticsearch';
import type { Request, Response } from 'express';
import { describeEngine } from '../mappings/connection.ts';
import { aliasName, INDEX_KINDS } from '../mappings/indices.ts';

export interface EngineStatus {
  status: 'green' | 'yellow' | 'red' | 'unreachable';
  version?: string;
}

export async function engineStatus(client: Client): Promise<EngineStatus> {
  try {
    const info = await describeEngine(client);
    return { status: info.health as EngineStatus['status'], version: info.version };
  } catch {
    return { status: 'unreachable' };
  }
}

export function healthHandler(client: Client) {
  return async (_req: Request, res: Response) => {
    res.json({ status: 'ok', engine: await engineStatus(client) });
  };
}

export function readyHandler(client: Client, indexPrefix: string) {
  return async (_req: Request, res: Response) => {
    const engine = await engineStatus(client);
    const missing: string[] = [];
    if (engine.status === 'green' || engine.status === 'yellow') {
      for (const kind of INDEX_KINDS) {
        const alias = aliasName(indexPrefix, kind);
        if (!(await client.indices.existsAlias({ name: alias }).catch(() => false))) missing.push(alias);
      }
    }
    const ready = (engine.status === 'green' || engine.status === 'yellow') && missing.length === 0;
    res.status(ready ? 200 : 503).json({ ready, engine, ...(missing.length ? { missingIndices: missing } : {}) });
  };
}
