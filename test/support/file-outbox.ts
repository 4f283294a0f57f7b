/** What the API's file outbox holds: every message, oldest first (none before the first is written). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTBOX_FILE } from '../../api/outbox/file-outbox.ts';
import type { OutboxMessageDocument } from '../../mappings/outbox.ts';

export function readFileOutbox(outboxDir: string): OutboxMessageDocument[] {
  let text: string;
  try {
    text = readFileSync(join(outboxDir, OUTBOX_FILE), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutboxMessageDocument);
}
