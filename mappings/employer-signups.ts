/**
 * The employer-signups index: requests for an employer account, made from
 * the sign-in page and decided by an admin. A request grants nothing: only
 * an admin's approval creates the account, and only the owner of the address
 * can then choose its password (through a one-time link sent there). One
 * document per address (the id is derived from it), so repeating a request
 * never piles up.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';

export const SIGNUP_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export interface EmployerSignupDocument {
  id: string;
  /** Lowercased, trimmed. */
  email: string;
  organisation: string;
  contactName: string;
  /** Optional words from the requester for the admin (website, why). */
  message?: string;
  status: SignupStatus;
  createdAt: string;
  decidedAt?: string;
  /** The admin account that approved or rejected it. */
  decidedBy?: string;
  /** Why it was rejected, as sent to the requester. */
  reason?: string;
}

export const employerSignupsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    email: { type: 'keyword' },
    organisation: { type: 'keyword' },
    contactName: { type: 'keyword', index: false },
    message: { type: 'text', index: false },
    status: { type: 'keyword' },
    createdAt: { type: 'date' },
    decidedAt: { type: 'date' },
    decidedBy: { type: 'keyword' },
    reason: { type: 'text', index: false },
  },
};
