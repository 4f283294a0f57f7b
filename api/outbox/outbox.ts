/**
 * Where the product's messages go (claim links, contact notifications). One
 * interface, three implementations chosen by configuration: SMTP when
 * SMTP_URL is set, otherwise a JSON Lines file (the default) or the outbox
 * index, both of which developers and tests read back.
 */
import type { Client } from '@elastic/elasticsearch';
import type { OutboxKind } from '../../mappings/outbox.ts';
import type { OutboxConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { fileOutbox } from './file-outbox.ts';
import { indexOutbox } from './index-outbox.ts';
import { smtpOutbox } from './smtp-outbox.ts';

/** A message to one recipient, plain text. */
export interface OutgoingMessage {
  kind: OutboxKind;
  to: string;
  subject: string;
  text: string;
}

export interface Outbox {
  send(message: OutgoingMessage): Promise<void>;
  close(): Promise<void>;
}

export function createOutbox(config: OutboxConfig, engine: { client: Client; indexPrefix: string }, log: Logger): Outbox {
  switch (config.kind) {
    case 'smtp':
      return smtpOutbox(config.smtpUrl!, config.from, log);
    case 'index':
      return indexOutbox(engine.client, engine.indexPrefix, log);
    case 'file':
      return fileOutbox(config.dir);
  }
}
