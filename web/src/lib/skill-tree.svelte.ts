/**
 * The skills facet as a tree: facet values (which include every ancestor of
 * a held skill) nested under their broader skills, using the taxonomy's
 * `broader` links fetched once per skill and kept for the session.
 */
import { SvelteMap } from 'svelte/reactivity';
import { request } from './api';
import { SkillRelationsDocument } from './graphql/generated';

export interface FacetValueView {
  value: string;
  label: string;
  count: number;
  /** A short qualifier shown beside the label (a skill's framework). */
  detail?: string;
}

export interface SkillNode extends FacetValueView {
  children: SkillNode[];
}

/** Nests `values` by `broaderOf`; a value whose broader skills are not among them is a root. Order is kept. */
export function buildSkillTree(values: readonly FacetValueView[], broaderOf: (id: string) => readonly string[] | undefined): SkillNode[] {
  const nodes = new Map(values.map((v) => [v.value, { ...v, children: [] as SkillNode[] }]));
  const roots: SkillNode[] = [];
  for (const node of nodes.values()) {
    const parentId = broaderOf(node.value)?.find((id) => id !== node.value && nodes.has(id));
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && !isAncestor(node, parent)) parent.children.push(node);
    else roots.push(node);
  }
  return usefulLevels(roots, broaderOf);
}

/**
 * The tree opens below the taxonomies' root categories ("skills", "knowledge"
 * of ESCO): a root entry of its framework that holds narrower values gives way
 * to them, most held first. Roots with nothing below them stay.
 */
function usefulLevels(roots: SkillNode[], broaderOf: (id: string) => readonly string[] | undefined): SkillNode[] {
  const isTaxonomyRoot = (node: SkillNode) => broaderOf(node.value)?.length === 0 && node.children.length > 0;
  if (!roots.some(isTaxonomyRoot)) return roots;
  const opened = roots.flatMap((node) => (isTaxonomyRoot(node) ? node.children : [node]));
  const seen = new Set<string>();
  return opened.filter((node) => !seen.has(node.value) && seen.add(node.value)).sort((a, b) => b.count - a.count);
}

/** Guards against a cycle in bad data: is `candidate` already below `node`? */
function isAncestor(node: SkillNode, candidate: SkillNode): boolean {
  return node.children.some((child) => child === candidate || isAncestor(child, candidate));
}

export class SkillRelations {
  broader = new SvelteMap<string, string[]>();
  /** Framework id per skill (its name comes from `frameworkNames`), so equal labels from two taxonomies can be told apart. */
  framework = new SvelteMap<string, string>();
  #pending = new Set<string>();

  /** Fetches the broader skills of the ids not known yet (one small request each, in parallel). */
  async ensure(ids: readonly string[]): Promise<void> {
    const wanted = ids.filter((id) => !this.broader.has(id) && !this.#pending.has(id));
    for (const id of wanted) this.#pending.add(id);
    await Promise.allSettled(
      wanted.map(async (id) => {
        try {
          const { skill } = await request(SkillRelationsDocument, { id });
          this.broader.set(id, skill?.broader.map((b) => b.id) ?? []);
          if (skill) this.framework.set(id, skill.framework);
        } finally {
          this.#pending.delete(id);
        }
      }),
    );
  }
}

export const skillRelations = new SkillRelations();
