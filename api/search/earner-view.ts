/**
 * What an employer reads about an earner, shaped from a privacy-checked hit:
 * the allow-listed fields and the shown badges (inner hits). Nothing here
 * can carry identities or hidden badges: the request never fetched them.
 */
import type { SearchHit } from '@elastic/elasticsearch/lib/api/types';
import type { EarnerBadge, EarnerDocument, PathwayProgress } from '../../mappings/earners.ts';
import { SHOWN_BADGES } from './privacy.ts';

/** A badge as employers see it. */
export type BadgeView = Omit<EarnerBadge, 'visible' | 'source'>;

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
    badges: shown.map((badge) => badge._source as BadgeView),
    microCredentials: source.microCredentials ?? [],
  };
}
