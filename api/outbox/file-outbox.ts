/** Development outbox: each message is one JSON line appended to `<dir>/messages.jsonl`. */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxMessageDocument } from '../../mappings/outbox.ts';
import type { Outbox } from './outbox.ts';

export const OUTBOX_FILE = 'messages.jsonl';

export function fileOutbox(dir: string, now: () => Date = () => new Date()): Outbox {
  const file = join(dir, OUTBOX_FILE);
  let ready: Promise<unknown> | undefined;
  return {
    async send(message) {
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      const line: OutboxMessageDocument = { id: randomUUID(), ...message, createdAt: now().toISOString() };
      // One appendFile per line: an O_APPEND write of a short line is never interleaved with another.
      await appendFile(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    },
    async close() {},
  };
}
