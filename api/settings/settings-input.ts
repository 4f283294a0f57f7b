/**
 * What `updateDirectorySettings` means: the input checked field by field and
 * merged over the current settings. A field left out stays as it is; null
 * clears it. Every problem names the argument. Pure.
 */
import type { ContactChannel, DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import type { EarnerLocation } from '../../mappings/earners.ts';
import { US_REGIONS } from '../../mappings/regions.ts';
import { BadInputError } from '../errors.ts';
import { contactValueProblem } from './contact-value.ts';

/** Work types an earner can be open to. */
export const WORK_TYPES = ['full-time', 'part-time', 'apprenticeship', 'internship', 'contract', 'remote'] as const;

export const SETTINGS_LIMITS = { displayName: 100, headline: 200, city: 100, hiddenBadges: 500, idLength: 500 } as const;

/** The GraphQL `DirectorySettingsInput` as it arrives. */
export interface DirectorySettingsArgs {
  listed?: boolean | null;
  statsOptIn?: boolean | null;
  contactable?: boolean | null;
  contactChannel?: 'EMAIL' | 'PHONE' | 'URL' | null;
  contactValue?: string | null;
  hiddenBadges?: readonly string[] | null;
  displayName?: string | null;
  headline?: string | null;
  location?: { city: string; region: string; country: string; lat?: number | null; lon?: number | null } | null;
  openTo?: readonly string[] | null;
}

const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const COUNTRY = /^[A-Z]{2}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function flag(argument: string, value: boolean | null | undefined, current: boolean): boolean {
  if (value === undefined) return current;
  if (value === null) throw new BadInputError(argument, 'must be true or false');
  return value;
}

function text(argument: string, value: string | null | undefined, current: string | undefined, max: number): string | undefined {
  if (value === undefined) return current;
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') throw new BadInputError(argument, 'must not be empty (send null to clear it)');
  if (trimmed.length > max) throw new BadInputError(argument, `must be at most ${max} characters`);
  if (CONTROL.test(trimmed)) throw new BadInputError(argument, 'must be one line of text');
  return trimmed;
}

function location(value: DirectorySettingsArgs['location'], current: EarnerLocation | undefined): EarnerLocation | undefined {
  if (value === undefined) return current;
  if (value === null) return undefined;
  const city = text('location.city', value.city, undefined, SETTINGS_LIMITS.city)!;
  const region = value.region.trim().toUpperCase();
  const country = value.country.trim().toUpperCase();
  if (!COUNTRY.test(country)) throw new BadInputError('location.country', 'must be a two-letter country code such as US');
  if (!REGION.test(region)) throw new BadInputError('location.region', 'must be a region code such as US-OH');
  if (!region.startsWith(`${country}-`)) throw new BadInputError('location.region', `must be a region of ${country} (${country}-...)`);
  // The contract's region list (reports group by it) is authoritative for the US.
  if (country === 'US' && !(region in US_REGIONS))
    throw new BadInputError('location.region', `${region} is not a US state or territory code`);
  const { lat, lon } = value;
  if ((lat == null) !== (lon == null))
    throw new BadInputError(lat == null ? 'location.lat' : 'location.lon', 'give both lat and lon, or neither');
  if (lat != null && (!Number.isFinite(lat) || lat < -90 || lat > 90)) throw new BadInputError('location.lat', 'must be from -90 to 90');
  if (lon != null && (!Number.isFinite(lon) || lon < -180 || lon > 180))
    throw new BadInputError('location.lon', 'must be from -180 to 180');
  return { city, region, country, ...(lat != null && lon != null ? { geo: { lat, lon } } : {}) };
}

function idList(argument: string, values: readonly string[] | null | undefined, current: string[], max: number): string[] {
  if (values === undefined) return current;
  if (values === null) return [];
  if (values.length > max) throw new BadInputError(argument, `at most ${max} values`);
  for (const value of values) {
    if (value.trim() === '') throw new BadInputError(argument, 'values must not be empty');
    if (value.length > SETTINGS_LIMITS.idLength)
      throw new BadInputError(argument, `values must be at most ${SETTINGS_LIMITS.idLength} characters`);
  }
  return [...new Set(values)];
}

function openTo(values: readonly string[] | null | undefined, current: string[]): string[] {
  const list = idList('openTo', values, current, WORK_TYPES.length);
  const unknown = list.find((v) => !(WORK_TYPES as readonly string[]).includes(v));
  if (unknown !== undefined) throw new BadInputError('openTo', `"${unknown}" is not one of ${WORK_TYPES.join(', ')}`);
  return list;
}

interface Contact {
  contactChannel?: ContactChannel;
  contactValue?: string;
}

function contact(args: DirectorySettingsArgs, current: DirectorySettingsDocument): Contact {
  if (args.contactChannel === undefined && args.contactValue === undefined) {
    return {
      ...(current.contactChannel ? { contactChannel: current.contactChannel } : {}),
      ...(current.contactValue ? { contactValue: current.contactValue } : {}),
    };
  }
  // Clearing the channel clears the value: a value means nothing without its channel.
  if (args.contactChannel === null) return {};
  const channel = args.contactChannel === undefined ? current.contactChannel : (args.contactChannel.toLowerCase() as ContactChannel);
  if (!channel) throw new BadInputError('contactChannel', 'choose EMAIL, PHONE or URL for this contact value');
  if (args.contactValue === null) throw new BadInputError('contactValue', 'give a value for the contact channel, or clear contactChannel');
  const value = (args.contactValue ?? (args.contactChannel === undefined ? current.contactValue : undefined))?.trim();
  if (!value) throw new BadInputError('contactValue', `give the ${channel} to share for this channel`);
  const problem = contactValueProblem(channel, value);
  if (problem) throw new BadInputError('contactValue', problem);
  return { contactChannel: channel, contactValue: value };
}

/** The settings after the input, or a BadInputError naming the first bad argument. */
export function applySettingsInput(current: DirectorySettingsDocument, args: DirectorySettingsArgs, now: Date): DirectorySettingsDocument {
  const next: DirectorySettingsDocument = {
    earnerId: current.earnerId,
    listed: flag('listed', args.listed, current.listed),
    statsOptIn: flag('statsOptIn', args.statsOptIn, current.statsOptIn),
    contactable: flag('contactable', args.contactable, current.contactable),
    ...contact(args, current),
    hiddenBadges: idList('hiddenBadges', args.hiddenBadges, current.hiddenBadges, SETTINGS_LIMITS.hiddenBadges),
    openTo: openTo(args.openTo, current.openTo),
    deleted: false,
    deletedIdentities: [],
    updatedAt: now.toISOString(),
  };
  const displayName = text('displayName', args.displayName, current.displayName, SETTINGS_LIMITS.displayName);
  const headline = text('headline', args.headline, current.headline, SETTINGS_LIMITS.headline);
  const place = location(args.location, current.location);
  if (displayName) next.displayName = displayName;
  if (headline) next.headline = headline;
  if (place) next.location = place;
  if (next.contactable && !(next.contactChannel && next.contactValue)) {
    throw new BadInputError('contactable', 'choose a contactChannel and contactValue before turning contact on');
  }
  return next;
}

/** Hidden badges must be credentials the earner holds. */
export function checkHiddenBadges(hidden: readonly string[], held: ReadonlySet<string>): void {
  const unknown = hidden.find((id) => !held.has(id));
  if (unknown !== undefined)
    throw new BadInputError('hiddenBadges', `"${unknown}" is not one of your badges (use the credentialId of a badge you hold)`);
}
