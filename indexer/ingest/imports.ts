/**
 * Bulk exports from badge platforms (CSV, or JSON arrays of rows): earner,
 * badge name, issuer, issue date, skills. They carry no proof, so they are
 * stored as UNVERIFIED imports and never shown as verified. Pure.
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { credentialKey } from '../../mappings/credentials.ts';
import { identityKey } from '../earners/identity.ts';
import { normalizeTag, type Taxonomy } from '../taxonomy/index.ts';
import { slugify } from '../taxonomy/text.ts';
import { credentialTypeOf, type CredentialDraft, type Prepared } from './prepare.ts';

/** Header spellings platforms use, per field. */
const COLUMNS = {
  email: ['earner_email', 'email', 'recipient_email', 'recipient', 'earner email', 'email address'],
  earnerId: ['earner_id', 'user_id', 'earner id', 'student_id'],
  name: ['earner_name', 'name', 'recipient_name', 'full name', 'earner name'],
  badge: ['badge_name', 'badge', 'achievement', 'credential', 'badge name', 'credential_name'],
  issuer: ['issuer', 'issuer_name', 'issuer name', 'organization'],
  issuedOn: ['issued_on', 'issue_date', 'issued', 'date', 'issued on', 'awarded_on'],
  skills: ['skills', 'skill', 'competencies', 'tags'],
  type: ['credential_type', 'type', 'achievement_type'],
  description: ['description', 'badge_description'],
} as const;

type Field = keyof typeof COLUMNS;
export type ImportRow = Record<string, unknown>;

function pick(row: ImportRow, field: Field): string | undefined {
  const lower = new Map(Object.entries(row).map(([k, v]) => [k.trim().toLowerCase(), v]));
  for (const name of COLUMNS[field]) {
    const value = lower.get(name);
    if (value !== undefined && value !== null && String(value).trim() !== '')
      return Array.isArray(value) ? value.join(';') : String(value).trim();
  }
  return undefined;
}

export function parseCsvRows(text: string): ImportRow[] {
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as ImportRow[];
}

/** True when a JSON value looks like export rows rather than credentials. */
export function looksLikeImportRows(value: unknown): value is ImportRow[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const first = value[0] as Record<string, unknown>;
  if (typeof first !== 'object' || first === null || '@context' in first || ('type' in first && Array.isArray(first.type))) return false;
  return pick(first, 'badge') !== undefined && (pick(first, 'email') !== undefined || pick(first, 'earnerId') !== undefined);
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** One export row to a stored credential draft, or a reject naming the row and column. */
export function prepareImportRow(row: ImportRow, where: string, taxonomy: Taxonomy, raw: string, now: Date): Prepared {
  const email = pick(row, 'email');
  const earnerId = pick(row, 'earnerId');
  const badge = pick(row, 'badge');
  const issuer = pick(row, 'issuer');
  const issued = pick(row, 'issuedOn');
  const problems: string[] = [];
  if (!email && !earnerId) problems.push(`${where}: no earner: fill one of the columns ${COLUMNS.email[0]} or ${COLUMNS.earnerId[0]}`);
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) problems.push(`${where}: ${COLUMNS.email[0]} "${email}" is not an email address`);
  if (!badge) problems.push(`${where}: column ${COLUMNS.badge[0]} is empty`);
  if (!issuer) problems.push(`${where}: column ${COLUMNS.issuer[0]} is empty`);
  if (!issued) problems.push(`${where}: column ${COLUMNS.issuedOn[0]} is empty`);
  else if (Number.isNaN(Date.parse(issued))) problems.push(`${where}: ${COLUMNS.issuedOn[0]} "${issued}" is not a date (use YYYY-MM-DD)`);
  if (problems.length > 0 || !badge || !issuer || !issued)
    return { ok: false, reject: { source: where, reasons: ['MALFORMED'], details: problems } };

  const recipient = email
    ? { type: 'email' as const, identity: email, hashed: false }
    : { type: 'id' as const, identity: earnerId!, hashed: false };
  const tags = (pick(row, 'skills') ?? '')
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const normalized = tags.map((t) => normalizeTag(taxonomy, t));
  const issuerId = `import:issuer:${slugify(issuer)}`;
  const issuedOn = new Date(issued).toISOString();
  const id = `import:${hash([recipient.identity.toLowerCase(), issuerId, badge, issuedOn].join('\n'))}`;
  const draft: CredentialDraft = {
    key: credentialKey(issuerId, id),
    id,
    identityKeys: [identityKey(recipient)],
    ...(pick(row, 'name') ? { recipientName: pick(row, 'name')! } : {}),
    format: 'import',
    source: where,
    issuer: { id: issuerId, name: issuer },
    achievement: {
      id: `import:badge:${slugify(issuer)}:${slugify(badge)}`,
      name: badge,
      ...(pick(row, 'description') ? { description: pick(row, 'description')! } : {}),
      credentialType: credentialTypeOf(pick(row, 'type')),
      tags,
      alignments: [],
    },
    skills: [...new Set(normalized.flatMap((n) => n.skillIds))],
    unmappedSkills: normalized.flatMap((n) => n.unmapped.map((u) => u.targetName ?? '')).filter(Boolean),
    evidence: [],
    issuedOn,
    // No proof came with it: shown only where a search asks for unverified badges.
    verification: { status: 'UNVERIFIED', reasons: ['NO_PROOF'], method: 'import', checkedAt: now.toISOString() },
    // A row proves nothing about who issued it: never recognized, never a registry match.
    authority: [],
    issuerRecognition: { status: 'UNKNOWN' },
    raw: Buffer.from(raw).toString('base64'),
    ingestedAt: now.toISOString(),
  };
  return { ok: true, draft };
}
