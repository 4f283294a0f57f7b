/**
 * Resolves the catalog's skill picks against the shipped taxonomy and writes
 * each as an alignment the way real issuers write it for that framework
 * (ESCO concept URIs, O*NET element ids, NICE work role ids, local codes).
 * The canonical ids come from the pick itself, not from the normalizer, so
 * they can serve as ground truth for it. Pure.
 */
import type { SkillDocument } from '../../../mappings/skills.ts';
import type { Taxonomy } from '../../../indexer/taxonomy/index.ts';
import { LOCAL_FRAMEWORK_NAME } from '../../../indexer/taxonomy/index.ts';
import type { SkillPick } from './catalog-types.ts';

/** An alignment as written into badge classes and achievements. */
export interface DemoAlignment {
  targetName: string;
  targetUrl?: string;
  targetFramework?: string;
  targetCode?: string;
}

/** One resolved pick: the alignment, and the canonical id it stands for (none for deliberately unmapped ones). */
export interface ResolvedSkill {
  alignment: DemoAlignment;
  skillId?: string;
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function entryById(taxonomy: Taxonomy, id: string, pick: SkillPick): SkillDocument {
  const entry = taxonomy.byId.get(id);
  if (!entry) throw new Error(`demo catalog: ${JSON.stringify(pick)} names no taxonomy entry (${id})`);
  return entry;
}

function escoByLabel(taxonomy: Taxonomy, label: string): SkillDocument {
  const matches = taxonomy.entries.filter((e) => e.framework === 'esco' && e.kind !== 'group' && e.label === label);
  if (matches.length !== 1) throw new Error(`demo catalog: ESCO label "${label}" matches ${matches.length} concepts, expected exactly one`);
  return matches[0]!;
}

/** Resolves one pick; `issuerHomepage` hosts the issuer's own skill pages (used where a framework has no URL). */
export function resolveSkill(taxonomy: Taxonomy, pick: SkillPick, issuerHomepage: string): ResolvedSkill {
  switch (pick.framework) {
    case 'esco': {
      const entry = escoByLabel(taxonomy, pick.label);
      // some issuers link their own skill page and only name the ESCO concept
      const targetUrl = pick.style === 'name' ? `${issuerHomepage}/skills/${slug(entry.label)}` : entry.uri;
      return { alignment: { targetName: entry.label, ...(targetUrl ? { targetUrl } : {}), targetFramework: 'ESCO' }, skillId: entry.id };
    }
    case 'onet': {
      const entry = entryById(taxonomy, `onet:${pick.code}`, pick);
      return {
        alignment: {
          targetName: entry.label,
          ...(entry.uri ? { targetUrl: entry.uri } : {}),
          targetFramework: 'O*NET',
          targetCode: entry.code,
        },
        skillId: entry.id,
      };
    }
    case 'nice': {
      const entry = entryById(taxonomy, `nice:${pick.code}`, pick);
      const targetUrl = `https://niccs.cisa.gov/tools/nice-framework/work-role/${slug(entry.label)}`;
      return {
        alignment: { targetName: entry.label, targetUrl, targetFramework: 'NICE Framework', targetCode: entry.code },
        skillId: entry.id,
      };
    }
    case 'local': {
      const entry = entryById(taxonomy, `local:${pick.code}`, pick);
      const targetUrl = `https://skills.riverbend-state.example.edu/framework/${entry.code}`;
      return {
        alignment: { targetName: entry.label, targetUrl, targetFramework: LOCAL_FRAMEWORK_NAME, targetCode: entry.code },
        skillId: entry.id,
      };
    }
    case 'none': {
      const targetUrl = pick.targetUrl ?? `${issuerHomepage}/competencies/${slug(pick.targetCode ?? pick.targetName)}`;
      const alignment: DemoAlignment = { targetName: pick.targetName, targetUrl };
      if (pick.targetFramework) alignment.targetFramework = pick.targetFramework;
      if (pick.targetCode) alignment.targetCode = pick.targetCode;
      return { alignment };
    }
  }
}

/** Canonical ids (first-seen order, no duplicates) and unmapped labels (alignments, then tags) of an achievement. */
export function expectedSkills(
  resolved: readonly ResolvedSkill[],
  tags: readonly string[],
): { skillIds: string[]; unmappedSkills: string[] } {
  const skillIds = [...new Set(resolved.map((r) => r.skillId).filter((id): id is string => id !== undefined))];
  const unmapped = [...resolved.filter((r) => r.skillId === undefined).map((r) => r.alignment.targetName), ...tags];
  return { skillIds, unmappedSkills: [...new Set(unmapped)] };
}
