/**
 * The raw rows of one report scope, shared by the report and the snapshot
 * job: the occupation profile (when filtered), the counts in one round trip,
 * merged per skill. Unsuppressed: callers publish through `reports/publish.ts`
 * or store them as a snapshot.
 */
import type { ReportStore } from './store.ts';
import type { SkillGapQuery } from './input.ts';
import { mergeCounts, type RawRow } from './rows.ts';
import { monthsBefore } from './window.ts';

export type RowScope = Pick<SkillGapQuery, 'region' | 'framework' | 'occupation' | 'postedWithinMonths' | 'skills'>;

export interface ScopeRows {
  rows: RawRow[];
  /** Importance per skill in the occupation's profile; null without an occupation filter. */
  importance: Map<string, number> | null;
}

export async function collectRows(store: ReportStore, scope: RowScope, now: Date): Promise<ScopeRows> {
  const profile = scope.occupation ? await store.occupation(scope.occupation) : undefined;
  // A code with no O*NET profile still has its postings: their skills are its rows.
  const occupationSkills = scope.occupation
    ? [...(profile?.skills ?? []).map((s) => s.skillId), ...(profile?.technologies ?? []).map((t) => t.skillId)]
    : null;
  const counts = await store.counts({
    region: scope.region,
    occupation: scope.occupation,
    framework: scope.framework,
    skills: scope.skills,
    from: monthsBefore(now, scope.postedWithinMonths),
    to: now,
  });
  return {
    rows: mergeCounts(counts, { skills: scope.skills, framework: scope.framework, occupationSkills }),
    importance: scope.occupation ? new Map((profile?.skills ?? []).map((s) => [s.skillId, s.importance])) : null,
  };
}
