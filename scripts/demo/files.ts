/**
 * The shapes of the files `writeDemo` writes, checked when a data set is read
 * back from the cache: a file from an older generator, a hand edit or a
 * half-written folder stops with a message naming the file, line and field,
 * instead of travelling on as a wrongly typed value.
 */
import { z } from 'zod';
import { CONTACT_CHANNELS, type DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import { CREDENTIAL_TYPES } from '../../mappings/earners.ts';
import type { PostingRow } from './data/postings.ts';
import { ISSUING_METHODS } from './data/catalog-types.ts';
import type { BadgeRecord, DemoIssuerSummary, EarnerRecord } from './types.ts';

const issuingMethod = z.enum(ISSUING_METHODS);

const location = z.object({
  city: z.string(),
  region: z.string(),
  country: z.string(),
  geo: z.object({ lat: z.number(), lon: z.number() }).optional(),
});

/** What `manifest.json` holds. */
export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  earners: z.number().int(),
  seed: z.number().int(),
  issuerBaseUrl: z.string(),
  now: z.iso.datetime(),
  credentials: z.number().int(),
});

export type DemoManifest = z.infer<typeof manifestSchema>;

export const issuersSchema: z.ZodType<DemoIssuerSummary[]> = z.array(
  z.object({
    slug: z.string(),
    id: z.string(),
    name: z.string(),
    method: issuingMethod,
    revocation: z.enum(['bitstring', '1edtech', 'ob2-revocation-list']),
    recipients: z.enum(['plain', 'hashed']),
    homepage: z.string(),
  }),
);

const badgeRecord: z.ZodType<BadgeRecord> = z.object({
  credentialId: z.string(),
  line: z.number().int().nonnegative(),
  badgeClassId: z.string(),
  badgeClassName: z.string(),
  issuerId: z.string(),
  issuerName: z.string(),
  method: issuingMethod,
  credentialType: z.enum(CREDENTIAL_TYPES),
  issuedOn: z.string(),
  expiresOn: z.string().optional(),
  status: z.enum(['VERIFIED', 'FAILED']),
  reasons: z.array(z.enum(['REVOKED', 'EXPIRED', 'NOT_YET_VALID', 'BAD_SIGNATURE'])),
  skills: z.array(z.string()),
  unmappedSkills: z.array(z.string()),
  pathwayIds: z.array(z.string()),
  hidden: z.boolean(),
  visible: z.boolean(),
});

export const recordsSchema: z.ZodType<EarnerRecord[]> = z.array(
  z.object({
    earnerId: z.string(),
    email: z.string(),
    name: z.string(),
    displayName: z.string().optional(),
    headline: z.string().optional(),
    location,
    listed: z.boolean(),
    contactable: z.boolean(),
    contactChannel: z.enum(CONTACT_CHANNELS).optional(),
    statsOptIn: z.boolean(),
    openTo: z.array(z.string()),
    hiddenBadges: z.array(z.string()),
    badges: z.array(badgeRecord),
  }),
);

export const settingsSchema: z.ZodType<DirectorySettingsDocument> = z.object({
  earnerId: z.string(),
  listed: z.boolean(),
  statsOptIn: z.boolean(),
  contactable: z.boolean(),
  contactChannel: z.enum(CONTACT_CHANNELS).optional(),
  contactValue: z.string().optional(),
  hiddenBadges: z.array(z.string()),
  displayName: z.string().optional(),
  headline: z.string().optional(),
  location: location.optional(),
  openTo: z.array(z.string()),
  deleted: z.boolean(),
  deletedIdentities: z.array(z.string()),
  updatedAt: z.string(),
});

export const postingSchema: z.ZodType<PostingRow> = z.object({
  id: z.string(),
  title: z.string(),
  employer: z.string(),
  region: z.string(),
  posted_on: z.string(),
  skills: z.array(z.string()),
  occupation: z.string().optional(),
});

/** A credentials.jsonl line that is not an object: the compact JWS, as a JSON string. */
export const jwsLineSchema = z.string();

/** Parses JSON text and checks it, naming `where` (file and line) and the field in the error. */
export function parseJson<T>(text: string, schema: z.ZodType<T>, where: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { issues } = parsed.error;
    const problems = issues.slice(0, 3).map((i) => `${i.path.length > 0 ? i.path.join('.') : '(value)'}: ${i.message}`);
    if (issues.length > 3) problems.push(`and ${issues.length - 3} more`);
    throw new Error(`${where}: not what the demo generator writes: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Each non-empty line of a JSON-lines file, parsed and checked. */
export function parseJsonLines<T>(text: string, schema: z.ZodType<T>, file: string): T[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => parseJson(line, schema, `${file}:${number}`));
}
