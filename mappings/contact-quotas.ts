/**
 * The contact-quotas index: one document per employer account holding the
 * times of the contact requests it sent inside the rate-limit window. The API
 * reads it and writes it back only if nobody wrote it meanwhile (optimistic
 * concurrency), so counting and reserving a request are one atomic step even
 * when many requests arrive at once.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export interface ContactQuotaDocument {
  employerAccountId: string;
  /** ISO times of the requests still inside the window, oldest first. */
  sentAt: string[];
  updatedAt: string;
}

export const contactQuotasMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    employerAccountId: { type: 'keyword' },
    sentAt: { type: 'date', index: false },
    updatedAt: { type: 'date' },
  },
};
