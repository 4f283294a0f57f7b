/**
 * One posting row to a posting document, or the problems that keep it out,
 * each naming the row and the column. Required skills are normalized to the
 * taxonomy like badge alignments; those that match nothing are kept and
 * reported, never dropped silently. Pure.
 */
import { createHash } from 'node:crypto';
import { normalizeRegion } from '../../mappings/regions.ts';
import type { PostingDocument } from '../../mappings/postings.ts';
import type { ImportRow } from '../ingest/imports.ts';
import { expandWithAncestors, normalizeTag, type Taxonomy } from '../taxonomy/index.ts';

const COLUMNS = {
  id: ['id', 'posting_id', 'job_id'],
  title: ['title', 'job_title', 'position'],
  employer: ['employer', 'company', 'organization', 'employer_name'],
  region: ['region', 'state', 'location_region'],
  postedOn: ['posted_on', 'postedon', 'posted', 'date', 'posted_date'],
  skills: ['skills', 'required_skills', 'requiredskills'],
  occupation: ['occupation', 'soc', 'soc_code', 'onet_soc'],
} as const;

type Field = keyof typeof COLUMNS;

function pick(row: ImportRow, field: Field): unknown {
  const lower = new Map(Object.entries(row).map(([k, v]) => [k.trim().toLowerCase().replace(/\s+/g, '_'), v]));
  for (const name of COLUMNS[field]) {
    const value = lower.get(name);
    if (value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')) return value;
  }
  return undefined;
}

const text = (v: unknown) => (v === undefined ? undefined : String(v).trim());

/** Skills as a JSON array or a `;`/`|`-separated string. */
function skillList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((s) => String(s).trim()).filter(Boolean);
  return String(value ?? '')
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export type PreparedPosting = { ok: true; posting: PostingDocument } | { ok: false; source: string; problems: string[] };

export function preparePosting(row: ImportRow, source: string, taxonomy: Taxonomy, now: Date): PreparedPosting {
  const title = text(pick(row, 'title'));
  const employer = text(pick(row, 'employer'));
  const regionText = text(pick(row, 'region'));
  const posted = text(pick(row, 'postedOn'));
  const occupation = text(pick(row, 'occupation'));
  const problems: string[] = [];
  if (!title) problems.push(`${source}: column title is empty`);
  if (!employer) problems.push(`${source}: column employer is empty`);
  const region = regionText ? normalizeRegion(regionText) : null;
  if (!regionText) problems.push(`${source}: column region is empty`);
  else if (!region) problems.push(`${source}: region "${regionText}" is not a known region code (use e.g. US-OH)`);
  if (!posted) problems.push(`${source}: column posted_on is empty`);
  else if (Number.isNaN(Date.parse(posted))) problems.push(`${source}: posted_on "${posted}" is not a date (use YYYY-MM-DD)`);
  if (occupation && !/^\d{2}-\d{4}(\.\d{2})?$/.test(occupation))
    problems.push(`${source}: occupation "${occupation}" is not an O*NET-SOC code (e.g. 15-1252.00)`);
  if (problems.length > 0 || !title || !employer || !region || !posted) return { ok: false, source, problems };

  const required = skillList(pick(row, 'skills'));
  const normalized = required.map((s) => ({ text: s, ids: normalizeTag(taxonomy, s).skillIds }));
  const skills = [...new Set(normalized.flatMap((n) => n.ids))];
  const postedOn = new Date(posted).toISOString();
  const id =
    text(pick(row, 'id')) ??
    `posting:${createHash('sha256').update([employer, title, region, postedOn].join('\n')).digest('hex').slice(0, 24)}`;
  return {
    ok: true,
    posting: {
      id,
      title,
      employer,
      region,
      postedOn,
      ...(occupation ? { occupation: /\.\d{2}$/.test(occupation) ? occupation : `${occupation}.00` } : {}),
      skills,
      skillsExpanded: expandWithAncestors(taxonomy, skills),
      unmappedSkills: normalized.filter((n) => n.ids.length === 0).map((n) => n.text),
      source,
      ingestedAt: now.toISOString(),
    },
  };
}
