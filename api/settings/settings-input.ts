/**
 * What `updateDirectorySettings` means: the input checked field by field
 * (one zod schema) and merged over the current settings. A field left out
 * stays as it is; null clears it. Every problem names the argument. Pure.
 */
import { z } from 'zod';
import type { ContactChannel, DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import type { EarnerLocation } from '../../mappings/earners.ts';
import { US_REGIONS } from '../../mappings/regions.ts';
import { BadInputError } from '../errors.ts';
import type { DirectorySettingsInput } from '../generated/resolvers-types.ts';
import { parseInput } from '../graphql/input-errors.ts';
import { boundedList, id, numberFrom, oneOf } from '../graphql/input-rules.ts';
import { contactValueProblem } from './contact-value.ts';

/** Work types an earner can be open to. */
export const WORK_TYPES = ['full-time', 'part-time', 'apprenticeship', 'internship', 'contract', 'remote'] as const;

export const SETTINGS_LIMITS = { displayName: 100, headline: 200, city: 100, hiddenBadges: 500, idLength: 500 } as const;

/** The GraphQL `DirectorySettingsInput` as it arrives (generated from the schema). */
export type DirectorySettingsArgs = DirectorySettingsInput;

const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const COUNTRY = /^[A-Z]{2}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A yes/no setting: left out keeps it; null is refused (it has no "cleared" state). */
const flag = z.boolean({ error: 'must be true or false' }).optional();

/** One line of text, trimmed. */
const line = (max: number) =>
  z
    .string()
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'must not be empty (send null to clear it)' })
        .max(max, { error: `must be at most ${max} characters` })
        .refine((value) => !CONTROL.test(value), { error: 'must be one line of text' }),
    );

const upperCode = (pattern: RegExp, problem: string) =>
  z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.string().regex(pattern, { error: problem }));

const location = z
  .object({
    city: line(SETTINGS_LIMITS.city),
    country: upperCode(COUNTRY, 'must be a two-letter country code such as US'),
    region: upperCode(REGION, 'must be a region code such as US-OH'),
    lat: numberFrom(-90, 90).nullish(),
    lon: numberFrom(-180, 180).nullish(),
  })
  .superRefine(({ country, region, lat, lon }, ctx) => {
    if (!region.startsWith(`${country}-`))
      ctx.addIssue({ code: 'custom', path: ['region'], message: `must be a region of ${country} (${country}-...)` });
    // The contract's region list (reports group by it) is authoritative for the US.
    else if (country === 'US' && !(region in US_REGIONS))
      ctx.addIssue({ code: 'custom', path: ['region'], message: `${region} is not a US state or territory code` });
    if ((lat == null) !== (lon == null))
      ctx.addIssue({ code: 'custom', path: [lat == null ? 'lat' : 'lon'], message: 'give both lat and lon, or neither' });
  })
  .transform(({ city, region, country, lat, lon }): EarnerLocation => ({
    city,
    region,
    country,
    ...(lat != null && lon != null ? { geo: { lat, lon } } : {}),
  }));

/**
 * `DirectorySettingsInput` checked field by field. A field left out is
 * undefined (it stays as it is); null clears it. Rules that need the stored
 * settings (the contact channel and value together) are applied when merging.
 */
export const settingsInputSchema = z.object({
  listed: flag,
  statsOptIn: flag,
  contactable: flag,
  contactChannel: z
    .enum(['EMAIL', 'PHONE', 'URL'])
    .transform((channel) => channel.toLowerCase() as ContactChannel)
    .nullish(),
  contactValue: z.string().nullish(),
  hiddenBadges: boundedList(id(SETTINGS_LIMITS.idLength), SETTINGS_LIMITS.hiddenBadges).nullish(),
  displayName: line(SETTINGS_LIMITS.displayName).nullish(),
  headline: line(SETTINGS_LIMITS.headline).nullish(),
  location: location.nullish(),
  openTo: boundedList(oneOf(WORK_TYPES), WORK_TYPES.length).nullish(),
});

type SettingsInput = z.output<typeof settingsInputSchema>;

/** Left out keeps the current value; null clears it. */
const merged = <T>(value: T | null | undefined, current: T | undefined): T | undefined =>
  value === undefined ? current : (value ?? undefined);

interface Contact {
  contactChannel?: ContactChannel;
  contactValue?: string;
}

function contact(input: SettingsInput, current: DirectorySettingsDocument): Contact {
  if (input.contactChannel === undefined && input.contactValue === undefined) {
    return {
      ...(current.contactChannel ? { contactChannel: current.contactChannel } : {}),
      ...(current.contactValue ? { contactValue: current.contactValue } : {}),
    };
  }
  // Clearing the channel clears the value: a value means nothing without its channel.
  if (input.contactChannel === null) return {};
  const channel = input.contactChannel ?? current.contactChannel;
  if (!channel) throw new BadInputError('contactChannel', 'choose EMAIL, PHONE or URL for this contact value');
  if (input.contactValue === null) throw new BadInputError('contactValue', 'give a value for the contact channel, or clear contactChannel');
  const value = (input.contactValue ?? (input.contactChannel === undefined ? current.contactValue : undefined))?.trim();
  if (!value) throw new BadInputError('contactValue', `give the ${channel} to share for this channel`);
  const problem = contactValueProblem(channel, value);
  if (problem) throw new BadInputError('contactValue', problem);
  return { contactChannel: channel, contactValue: value };
}

/** The settings after the input, or a BadInputError naming the first bad argument. */
export function applySettingsInput(current: DirectorySettingsDocument, args: DirectorySettingsArgs, now: Date): DirectorySettingsDocument {
  const input = parseInput(settingsInputSchema, args);
  const next: DirectorySettingsDocument = {
    earnerId: current.earnerId,
    listed: input.listed ?? current.listed,
    statsOptIn: input.statsOptIn ?? current.statsOptIn,
    contactable: input.contactable ?? current.contactable,
    ...contact(input, current),
    hiddenBadges: merged(input.hiddenBadges, current.hiddenBadges) ?? [],
    openTo: merged(input.openTo, current.openTo) ?? [],
    deleted: false,
    deletedIdentities: [],
    updatedAt: now.toISOString(),
  };
  const displayName = merged(input.displayName, current.displayName);
  const headline = merged(input.headline, current.headline);
  const place = merged(input.location, current.location);
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
