/**
 * Derived hierarchy fields: `narrower` as the inverse of `broader`,
 * `ancestors` as the transitive closure of `broader`, and symmetric
 * `related`. Pure functions over plain entries.
 */
import type { SkillDocument } from '../../mappings/skills.ts';

/** What a builder supplies; the derived fields are filled in by `deriveHierarchy`. */
export type EntryDraft = Omit<SkillDocument, 'ancestors' | 'narrower' | 'related'> & { related?: string[] };

/**
 * Transitive parents of `id`, nearest first (breadth-first over `broader`).
 * Each id appears once, and `id` itself never appears, so a cycle in the
 * source data ends the walk instead of looping.
 */
export function ancestorsOf(id: string, broaderOf: (id: string) => readonly string[]): string[] {
  const seen = new Set<string>([id]);
  const out: string[] = [];
  let frontier = [...broaderOf(id)];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const parent of frontier) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      out.push(parent);
      next.push(...broaderOf(parent));
    }
    frontier = next;
  }
  return out;
}

/**
 * Drops `broader` edges that would close a cycle (a parent that is already a
 * descendant). Source hierarchies should be acyclic; this keeps one bad row
 * from making `ancestors` meaningless. Returns the removed edges for logging.
 */
export function breakCycles(entries: EntryDraft[]): { child: string; parent: string }[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const removed: { child: string; parent: string }[] = [];
  for (const entry of entries) {
    entry.broader = entry.broader.filter((parent) => {
      const closesCycle = parent === entry.id || ancestorsOf(parent, (id) => byId.get(id)?.broader ?? []).includes(entry.id);
      if (closesCycle) removed.push({ child: entry.id, parent });
      return !closesCycle;
    });
  }
  return removed;
}

/**
 * Completes drafts into documents: dangling `broader`/`related` references
 * are dropped, `related` is made symmetric, `narrower` and `ancestors` are
 * derived. Order of entries and of list items is preserved (children keep
 * the order the entries came in), so output is deterministic.
 */
export function deriveHierarchy(drafts: EntryDraft[]): SkillDocument[] {
  const ids = new Set(drafts.map((d) => d.id));
  const broader = new Map<string, string[]>();
  const related = new Map<string, string[]>();
  const narrower = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    map.set(key, list);
  };

  for (const d of drafts) {
    broader.set(d.id, [...new Set(d.broader.filter((p) => ids.has(p) && p !== d.id))]);
    for (const other of d.related ?? []) {
      if (!ids.has(other) || other === d.id) continue;
      push(related, d.id, other);
      push(related, other, d.id);
    }
  }
  for (const d of drafts) for (const parent of broader.get(d.id) ?? []) push(narrower, parent, d.id);

  const broaderOf = (id: string): string[] => broader.get(id) ?? [];
  return drafts.map((d) => ({
    ...d,
    broader: broaderOf(d.id),
    ancestors: ancestorsOf(d.id, broaderOf),
    narrower: narrower.get(d.id) ?? [],
    related: related.get(d.id) ?? [],
  }));
}
