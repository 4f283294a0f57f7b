/**
 * The outbox index: messages the product sends (claim links, contact
 * notifications), when the outbox is configured to keep them in the engine
 * instead of a file or SMTP. A development and test aid, not a mail queue.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export const OUTBOX_KINDS = [
  'claim-link',
  'contact-request',
  'contact-answered',
  'saved-search-digest',
  'password-reset',
  'employer-signup',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export interface OutboxMessageDocument {
  id: string;
  kind: OutboxKind;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

export const outboxMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    kind: { type: 'keyword' },
    to: { type: 'keyword' },
    subject: { type: 'text', index: false },
    text: { type: 'text', index: false },
    createdAt: { type: 'date' },
  },
};
