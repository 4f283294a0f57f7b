/**
 * Raw skill-gap rows: the counts of one scope merged per skill, and which
 * skills get a row. Raw means unsuppressed: only `publish.ts` turns them
 * into output. Pure.
 */

/** Unsuppressed counts of one skill in one scope. */
export interface RawRow {
  skillId: string;
  /** Postings in the window requiring the skill or a narrower one. */
  demand: number;
  /** Consenting earners holding it (or a narrower skill) in a verified badge. */
  supply: number;
  /** Logged employer searches filtering on it in the window. */
  searches: number;
  /** Of those, the ones that found fewer earners than the report threshold. */
  searchesWithFewResults: number;
}

/** The counts of a scope as the engine returned them. */
export interface ScopeCounts {
  demand: ReadonlyMap<string, number>;
  supply: ReadonlyMap<string, number>;
  searches: ReadonlyMap<string, { searches: number; few: number }>;
}

/** Which skills get a row. */
export interface RowSelection {
  /** Exactly these skills (also those with no counts at all). */
  skills: readonly string[] | null;
  framework: string | null;
  /** With an occupation filter: the skills and technologies of its profile (the skills its postings require come with the demand counts). */
  occupationSkills: readonly string[] | null;
}

/**
 * Rows for the selected skills. Without an explicit list, a skill gets a row
 * when it has demand or supply in the scope; with an occupation, only when
 * the occupation's profile lists it or its postings require it (its demand).
 */
export function mergeCounts(counts: ScopeCounts, selection: RowSelection): RawRow[] {
  const inOccupation = selection.occupationSkills ? new Set([...selection.occupationSkills, ...counts.demand.keys()]) : null;
  const candidates = selection.skills ?? [...counts.demand.keys(), ...counts.supply.keys()];
  const wanted = candidates.filter(
    (id) => (!selection.framework || id.startsWith(`${selection.framework}:`)) && (!inOccupation || inOccupation.has(id)),
  );
  return [...new Set(wanted)].sort().map((skillId) => ({
    skillId,
    demand: counts.demand.get(skillId) ?? 0,
    supply: counts.supply.get(skillId) ?? 0,
    searches: counts.searches.get(skillId)?.searches ?? 0,
    searchesWithFewResults: counts.searches.get(skillId)?.few ?? 0,
  }));
}
