/** The run summary every indexer command ends with. Pure accumulation and formatting. */
import type { CredentialDraft, Reject } from './prepare.ts';

export interface RunSummary {
  inputs: number;
  accepted: number;
  verified: number;
  unverified: number;
  failed: number;
  /** Reason code -> how many accepted credentials carry it. */
  failedByReason: Record<string, number>;
  rejected: number;
  /** Reject reason -> count. */
  rejectedByReason: Record<string, number>;
  /** Unmapped skill label -> how many credentials carried it. */
  unmappedSkills: Record<string, number>;
  /** Credentials dropped because their earner deleted their data. */
  skippedDeleted: number;
  earnersWritten: number;
  earnersMerged: number;
  engineRejected: number;
  ms: number;
}

export function emptySummary(): RunSummary {
  return {
    inputs: 0,
    accepted: 0,
    verified: 0,
    unverified: 0,
    failed: 0,
    failedByReason: {},
    rejected: 0,
    rejectedByReason: {},
    unmappedSkills: {},
    skippedDeleted: 0,
    earnersWritten: 0,
    earnersMerged: 0,
    engineRejected: 0,
    ms: 0,
  };
}

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

export function countAccepted(summary: RunSummary, draft: CredentialDraft): void {
  summary.accepted++;
  const status = draft.verification.status;
  if (status === 'VERIFIED') summary.verified++;
  else if (status === 'UNVERIFIED') summary.unverified++;
  else summary.failed++;
  if (status !== 'VERIFIED') for (const reason of draft.verification.reasons) bump(summary.failedByReason, reason);
  for (const label of draft.unmappedSkills) bump(summary.unmappedSkills, label);
}

export function countRejected(summary: RunSummary, reject: Reject): void {
  summary.rejected++;
  for (const reason of reject.reasons) bump(summary.rejectedByReason, reason);
}

export function formatSummary(s: RunSummary, rejectsFile?: string): string {
  const list = (counts: Record<string, number>, limit = 10) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  const unmappedTotal = Object.values(s.unmappedSkills).reduce((a, b) => a + b, 0);
  return [
    `Summary: ${s.inputs} inputs, ${s.accepted} credentials accepted in ${(s.ms / 1000).toFixed(1)}s`,
    `  verified ${s.verified}, unverified ${s.unverified}, failed ${s.failed}`,
    `  not verified, by reason: ${list(s.failedByReason)}`,
    `  rejected ${s.rejected}: ${list(s.rejectedByReason)}${s.rejected && rejectsFile ? ` (details in ${rejectsFile})` : ''}`,
    `  unmapped skills: ${unmappedTotal} on credentials, ${Object.keys(s.unmappedSkills).length} distinct (top: ${list(s.unmappedSkills, 5)})`,
    `  earner documents written ${s.earnersWritten}, merged ${s.earnersMerged}, credentials skipped for deleted earners ${s.skippedDeleted}${s.engineRejected ? `, rejected by the engine ${s.engineRejected}` : ''}`,
  ].join('\n');
}
