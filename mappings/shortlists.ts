/**
 * The shortlists index: an employer's named lists of earners, each entry with
 * the employer's private note and status. One document per list, entries
 * inside it (a list is small and bounded, and written as a whole with
 * optimistic concurrency). Entries hold only the earner id: everything shown
 * about the earner is read through the directory's privacy rules at read time.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export const SHORTLIST_STATUSES = ['NEW', 'CONTACTED', 'INTERVIEWING', 'NOT_A_FIT'] as const;
export type ShortlistStatus = (typeof SHORTLIST_STATUSES)[number];

export interface ShortlistEntryDocument {
  earnerId: string;
  status: ShortlistStatus;
  note: string;
  addedAt: string;
  updatedAt: string;
}

export interface ShortlistDocument {
  id: string;
  employerAccountId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  entries: ShortlistEntryDocument[];
}

export const shortlistsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    employerAccountId: { type: 'keyword' },
    name: { type: 'keyword', index: false },
    createdAt: { type: 'date' },
    updatedAt: { type: 'date' },
    entries: {
      properties: {
        earnerId: { type: 'keyword' },
        status: { type: 'keyword' },
        note: { type: 'keyword', index: false },
        addedAt: { type: 'date' },
        updatedAt: { type: 'date' },
      },
    },
  },
};
