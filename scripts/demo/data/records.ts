/**
 * Ground truth and consent from the plan: one `EarnerRecord` and one
 * `DirectorySettingsDocument` per earner. Pure.
 */
import type { DirectorySettingsDocument } from '../../../mappings/directory-settings.ts';
import type { EarnerLocation } from '../../../mappings/earners.ts';
import { formatEarnerId } from '../../../indexer/earners/identity.ts';
import { digest } from './prng.ts';
import type { IssuerSetup } from '../issuers/issuers.ts';
import type { PlannedBadge, PlannedEarner } from './plan.ts';
import type { BadgeRecord, EarnerRecord } from '../types.ts';

export function locationOf(earner: PlannedEarner): EarnerLocation {
  const { city } = earner;
  return { city: city.name, region: `US-${city.state}`, country: 'US', geo: { lat: city.lat, lon: city.lon } };
}

function badgeRecord(badge: PlannedBadge, setups: readonly IssuerSetup[], listed: boolean): BadgeRecord {
  const setup = setups[badge.issuerIndex]!;
  const achievement = setup.achievements[badge.achievementIndex]!;
  return {
    credentialId: badge.credentialId,
    line: badge.line,
    badgeClassId: achievement.id,
    badgeClassName: achievement.definition.name,
    issuerId: setup.summary.id,
    issuerName: setup.definition.name,
    method: setup.definition.method,
    credentialType: achievement.credentialType,
    issuedOn: badge.issuedOn,
    ...(badge.validUntil ? { expiresOn: badge.validUntil } : {}),
    status: badge.defect ? 'FAILED' : 'VERIFIED',
    reasons: badge.defect ? [badge.defect] : [],
    skills: achievement.skillIds,
    unmappedSkills: achievement.unmappedSkills,
    pathwayIds: achievement.pathwayIds,
    hidden: badge.hidden,
    // Employers see verified and expired badges, never revoked, tampered or not-yet-valid ones.
    visible: listed && !badge.hidden && (!badge.defect || badge.defect === 'EXPIRED'),
  };
}

/**
 * The demo earner's id, in the format of real ones (`newEarnerId`) but from
 * the seed, so a data set is reproducible. Nothing about the address is in
 * it; `loadDemo` registers it in the private index before ingesting.
 */
export function demoEarnerId(seed: number, index: number): string {
  return formatEarnerId(digest(seed, 'earner-id', index).subarray(0, 16));
}

export function earnerRecord(earner: PlannedEarner, setups: readonly IssuerSetup[], seed: number): EarnerRecord {
  return {
    earnerId: demoEarnerId(seed, earner.index),
    email: earner.email,
    name: earner.name,
    ...(earner.displayName ? { displayName: earner.displayName } : {}),
    ...(earner.headline ? { headline: earner.headline } : {}),
    location: locationOf(earner),
    listed: earner.listed,
    contactable: earner.contactable,
    ...(earner.contactChannel ? { contactChannel: earner.contactChannel } : {}),
    statsOptIn: earner.statsOptIn,
    openTo: earner.openTo,
    hiddenBadges: earner.badges.filter((b) => b.hidden).map((b) => b.credentialId),
    badges: earner.badges.map((b) => badgeRecord(b, setups, earner.listed)),
  };
}

export function settingsDocument(earner: PlannedEarner, record: EarnerRecord, now: Date): DirectorySettingsDocument {
  return {
    earnerId: record.earnerId,
    listed: earner.listed,
    statsOptIn: earner.statsOptIn,
    contactable: earner.contactable,
    ...(earner.contactChannel ? { contactChannel: earner.contactChannel, contactValue: earner.contactValue! } : {}),
    hiddenBadges: record.hiddenBadges,
    ...(earner.displayName ? { displayName: earner.displayName } : {}),
    ...(earner.headline ? { headline: earner.headline } : {}),
    location: record.location,
    openTo: earner.openTo,
    deleted: false,
    deletedIdentities: [],
    updatedAt: now.toISOString(),
  };
}
