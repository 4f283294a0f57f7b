/**
 * The contact-requests index: an employer's message to an earner, and the
 * earner's answer. Contact details are revealed only through an accepted
 * request, and only the channel the earner chose.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';
import type { ContactChannel } from './directory-settings.ts';

export const CONTACT_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** The contact channel an earner reveals by accepting a request. */
export interface RevealedChannel {
  channel: ContactChannel;
  value: string;
}

/**
 * A badge the request is about, as the employer saw it on the earner's
 * profile when sending (checked then against the badges shown to them).
 */
export interface ContactBadgeRef {
  credentialId: string;
  name: string;
  issuerName: string;
}

export interface ContactRequestDocument {
  id: string;
  earnerId: string;
  employerAccountId: string;
  employerName: string;
  message: string;
  /** The earner's badges the employer wrote about (absent on requests stored before badges were recorded). */
  badges?: ContactBadgeRef[];
  status: ContactStatus;
  createdAt: string;
  respondedAt?: string;
  /** Filled only when accepted: the channel the earner chose. */
  revealedChannel?: RevealedChannel;
}

export const contactsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    earnerId: { type: 'keyword' },
    employerAccountId: { type: 'keyword' },
    employerName: { type: 'keyword' },
    message: { type: 'text' },
    badges: {
      properties: {
        credentialId: { type: 'keyword' },
        name: { type: 'keyword', index: false },
        issuerName: { type: 'keyword', index: false },
      },
    },
    status: { type: 'keyword' },
    createdAt: { type: 'date' },
    respondedAt: { type: 'date' },
    revealedChannel: { properties: { channel: { type: 'keyword' }, value: { type: 'keyword', index: false } } },
  },
};
