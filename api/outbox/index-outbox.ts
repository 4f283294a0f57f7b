/** Development outbox in the engine: each message is a document of the outbox index. */
import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import { aliasName } from '../../mappings/indices.ts';
import type { OutboxMessageDocument } from '../../mappings/outbox.ts';
import type { Logger } from '../log.ts';
import { engineGuard } from '../stores/guard.ts';
import type { Outbox } from './outbox.ts';

export function indexOutbox(client: Client, indexPrefix: string, log: Logger, now: () => Date = () => new Date()): Outbox {
  const index = aliasName(indexPrefix, 'outbox');
  const guard = engineGuard(log);
  return {
    send: (message) =>
      guard(async () => {
        const document: OutboxMessageDocument = { id: randomUUID(), ...message, createdAt: now().toISOString() };
        await client.index({ index, id: document.id, document, refresh: 'wait_for' });
      }),
    async close() {},
  };
}
