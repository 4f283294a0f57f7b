/** One line per credential for `indexer verify --json`. Pure. */
import { normalizeSkills, type Taxonomy } from './taxonomy/index.ts';
import type { CheckOutcome } from './verify/checks.ts';
import type { NormalizedCredential } from './verify/types.ts';

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
}

export function verifyReportLine(c: NormalizedCredential, taxonomy: Taxonomy): VerifyReportLine {
  const skills = normalizeSkills(taxonomy, { alignments: c.achievement.alignments, tags: c.achievement.tags });
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
    skills: { mapped: skills.skillIds, unmapped: skills.unmapped.map((u) => u.targetName ?? u.targetCode ?? u.targetUrl ?? '').filter(Boolean) },
  };
}

export function verifyReportText(line: VerifyReportLine): string {
  const why = line.reasons.length ? ` ${line.reasons.join(', ')}` : '';
  return `${line.status.padEnd(10)} ${line.source}  ${line.achievement.name || '(no achievement)'} — ${line.issuer.name || line.issuer.id || '(no issuer)'}${why}`;
}
