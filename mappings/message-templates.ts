/**
 * The message-templates index: an employer's named contact-request messages.
 * One document per employer account (its id is the account id), holding all
 * their templates: only that account reads or writes it, and the whole set is
 * written with optimistic concurrency, so the per-employer limit is counted
 * and enforced in one step. A system of record.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export interface MessageTemplate {
  id: string;
  name: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface MessageTemplatesDocument {
  employerAccountId: string;
  templates: MessageTemplate[];
  updatedAt: string;
}

export const messageTemplatesMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    employerAccountId: { type: 'keyword' },
    updatedAt: { type: 'date' },
    templates: {
      properties: {
        id: { type: 'keyword' },
        name: { type: 'keyword', index: false },
        body: { type: 'keyword', index: false },
        createdAt: { type: 'date' },
        updatedAt: { type: 'date' },
      },
    },
  },
};
