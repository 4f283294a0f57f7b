/** One line per credential for `indexer verify --json`. Pure. */
import { normalizeSkills, type Taxonomy } from '../taxonomy/index.ts';
import type { CheckOutcome } from './checks.ts';
import type { NormalizedCredential } from './types.ts';
import { recognize, type IssuerRecognition } from '../../mappings/issuer-recognition.ts';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import { isAuthentic } from '../ingest/prepare.ts';

export interface VerifyReportLine {
  source: string;
  format: string;
  status: string;
  reasons: string[];
  details: string[];
  method: string | null;
  /** Each check that ran (proof, key, status, dates, recipient, ...) and its outcome. */
  checks: CheckOutcome[];
  issuer: { id: string; name: string };
  achievement: { id: string; name: string };
  recipient: { type: string; identity: string; hashed: boolean };
  skills: { mapped: string[]; unmapped: string[] };
  /** Who the passed checks prove issued it (DIDs, key ids, URLs); empty when unproven. */
  authority: string[];
  /** The issuer's standing in the registry given (UNKNOWN without one), and the entry that matched. */
  issuerRecognition: IssuerRecognition;
  registryEntry?: { id: string; name: string; status: string };
}

export function verifyReportLine(
  c: NormalizedCredential,
  taxonomy: Taxonomy,
  registry: readonly IssuerRegistryDocument[] = [],
): VerifyReportLine {
  const skills = normalizeSkills(taxonomy, { alignments: c.achievement.alignments, tags: c.achievement.tags });
  const authority = isAuthentic(c.verification) ? (c.verification.authority ?? []) : [];
  const recognition = recognize(authority, registry);
  const entry = recognition.entryId ? registry.find((e) => e.id === recognition.entryId) : undefined;
  return {
    source: c.source,
    format: c.format,
    status: c.verification.status,
    reasons: c.verification.reasons,
    details: c.verification.details ?? [],
    method: c.verification.method,
    checks: c.verification.checks ?? [],
    issuer: { id: c.issuer.id, name: c.issuer.name },
    achievement: { id: c.achievement.id, name: c.achievement.name },
    recipient: { type: c.recipient.type, identity: c.recipient.identity, hashed: c.recipient.hashed },
    skills: {
      mapped: skills.skillIds,
      unmapped: skills.unmapped.map((u) => u.targetName ?? u.targetCode ?? u.targetUrl ?? '').filter(Boolean),
    },
    authority,
    issuerRecognition: recognition.status,
    ...(entry ? { registryEntry: { id: entry.id, name: entry.name, status: entry.status } } : {}),
  };
}

export function verifyReportText(line: VerifyReportLine): string {
  const why = line.reasons.length ? ` ${line.reasons.join(', ')}` : '';
  const issuer =
    line.registryEntry && line.issuerRecognition === 'RECOGNIZED'
      ? line.registryEntry.name
      : `${line.issuer.name || line.issuer.id || '(no issuer)'} [issuer ${line.issuerRecognition.toLowerCase()}]`;
  return `${line.status.padEnd(10)} ${line.source}  ${line.achievement.name || '(no achievement)'} — ${issuer}${why}`;
}
