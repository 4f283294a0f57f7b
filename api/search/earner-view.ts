/**
 * What an employer reads about an earner, shaped from a privacy-checked hit:
 * the allow-listed fields and the shown badges (inner hits). Nothing here
 * can carry identities or hidden badges: the request never fetched them.
 */
import type { SearchHit } from '@elastic/elasticsearch/lib/api/types';
import {
  employerVerificationStatus,
  type BadgeVerification,
  type EarnerBadge,
  type EarnerDocument,
  type EmployerVerificationStatus,
  type PathwayProgress,
} from '../../mappings/earners.ts';
import { SHOWN_BADGES } from './privacy.ts';

/** Verification as employers see it: VERIFIED or EXPIRED, never a reason code. */
export type VerificationView = Omit<BadgeVerification, 'status'> & { status: EmployerVerificationStatus };

/** A badge as employers see it. */
export type BadgeView = Omit<EarnerBadge, 'visible' | 'source' | 'verification'> & { verification: VerificationView };

/** The employer's view of a shown badge; null for one employers must not see (a document built before that rule). */
export function badgeView(source: Omit<EarnerBadge, 'visible' | 'source'>): BadgeView | null {
  const status = employerVerificationStatus(source.verification);
  if (!status) return null;
  return { ...source, verification: { status, reasons: [], method: source.verification.method, checkedAt: source.verification.checkedAt } };
}

/** An earner as employers see it. */
export interface EarnerView {
  id: string;
  name: string;
  headline?: string;
  /** City, region and country only: exact coordinates stay in the index. */
  location?: { city: string; region: string; country: string };
  contactable: boolean;
  openTo: string[];
  latestIssuedOn?: string;
  badges: BadgeView[];
  microCredentials: PathwayProgress[];
}

type AllowedSource = Partial<Pick<EarnerDocument, 'earnerId' | 'name' | 'headline' | 'microCredentials'>> & {
  location?: Partial<NonNullable<EarnerDocument['location']>>;
  directory?: Partial<EarnerDocument['directory']>;
  public?: { latestIssuedOn?: string };
};

export function earnerView(hit: SearchHit<unknown>): EarnerView {
  const source = (hit._source ?? {}) as AllowedSource;
  const shown = hit.inner_hits?.[SHOWN_BADGES]?.hits.hits ?? [];
  const { location } = source;
  return {
    id: source.earnerId ?? hit._id!,
    name: source.name ?? 'Unnamed earner',
    ...(source.headline ? { headline: source.headline } : {}),
    ...(location?.region ? { location: { city: location.city ?? '', region: location.region, country: location.country ?? '' } } : {}),
    contactable: source.directory?.contactable ?? false,
    openTo: source.directory?.openTo ?? [],
    ...(source.public?.latestIssuedOn ? { latestIssuedOn: source.public.latestIssuedOn } : {}),
    badges: shown.flatMap((badge) => badgeView(badge._source as Omit<EarnerBadge, 'visible' | 'source'>) ?? []),
    microCredentials: source.microCredentials ?? [],
  };
}
