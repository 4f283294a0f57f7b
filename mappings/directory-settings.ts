/**
 * The directory-settings index: each earner's consent, the system of record.
 * Written only by the earner (through the API); the indexer reads it and
 * joins it into earner documents, and never rebuilds it from sources.
 */
import type { MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';
import type { EarnerLocation } from './earners.ts';

export const CONTACT_CHANNELS = ['email', 'phone', 'url'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface DirectorySettingsDocument {
  earnerId: string;
  /** Appear in employer search at all. False until the earner turns it on. */
  listed: boolean;
  /** Count toward anonymous skill-gap statistics. */
  statsOptIn: boolean;
  contactable: boolean;
  /** The channel revealed to an employer whose contact request the earner accepts. */
  contactChannel?: ContactChannel;
  contactValue?: string;
  /** Credential ids the earner chose not to show (every other badge shows once listed). */
  hiddenBadges: string[];
  /** How the earner wants to be named in the directory (defaults to the name on their credentials). */
  displayName?: string;
  headline?: string;
  /** Where the earner is, for regional search and reports; the earner sets it. */
  location?: EarnerLocation;
  /** Work types the earner is open to (full-time, part-time, apprenticeship, ...). */
  openTo: string[];
  /** Set by "delete my data": the earner stays out of every index, even after a re-ingest. */
  deleted: boolean;
  /** Identities of a deleted earner, so re-ingested credentials are recognised and dropped. */
  deletedIdentities: string[];
  updatedAt: string;
}

/** What an earner who never touched their settings gets: hidden, not contactable. */
export function defaultDirectorySettings(earnerId: string, now: Date = new Date()): DirectorySettingsDocument {
  return {
    earnerId,
    listed: false,
    statsOptIn: false,
    contactable: false,
    hiddenBadges: [],
    openTo: [],
    deleted: false,
    deletedIdentities: [],
    updatedAt: now.toISOString(),
  };
}

export const directorySettingsMapping: MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    earnerId: { type: 'keyword' },
    listed: { type: 'boolean' },
    statsOptIn: { type: 'boolean' },
    contactable: { type: 'boolean' },
    contactChannel: { type: 'keyword' },
    contactValue: { type: 'keyword', index: false },
    hiddenBadges: { type: 'keyword' },
    displayName: { type: 'text', index: false },
    headline: { type: 'text', index: false },
    location: {
      properties: { city: { type: 'keyword' }, region: { type: 'keyword' }, country: { type: 'keyword' }, geo: { type: 'geo_point' } },
    },
    openTo: { type: 'keyword' },
    deleted: { type: 'boolean' },
    deletedIdentities: { type: 'keyword' },
    updatedAt: { type: 'date' },
  },
};
