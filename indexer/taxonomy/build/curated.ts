/**
 * The curated frameworks kept as source code (NICE work roles, the local
 * framework) -> taxonomy drafts. Pure.
 */
import type { EntryDraft } from '../hierarchy.ts';
import type { LocalArea } from '../local-framework.ts';
import type { NiceCategory, NiceRole } from '../nice-roles.ts';
import { uniqueLabels } from '../text.ts';

export function buildNice(categories: NiceCategory[], roles: NiceRole[]): { drafts: EntryDraft[]; codeAliases: Record<string, string> } {
  const drafts: EntryDraft[] = categories.map((c) => ({
    id: `nice:${c.code}`,
    framework: 'nice' as const,
    code: c.code,
    kind: 'group' as const,
    label: c.label,
    altLabels: [],
    broader: [],
  }));
  const codeAliases: Record<string, string> = {};
  for (const role of roles) {
    const id = `nice:${role.id}`;
    for (const legacy of role.legacy) codeAliases[legacy] = id;
    drafts.push({
      id,
      framework: 'nice',
      code: role.id,
      kind: 'work-role',
      label: role.label,
      altLabels: uniqueLabels(role.legacyLabel === undefined ? [] : [role.legacyLabel], [role.label]),
      description: role.description,
      broader: [`nice:${role.id.slice(0, 2)}`],
    });
  }
  return { drafts, codeAliases };
}

export function buildLocal(areas: LocalArea[]): EntryDraft[] {
  const drafts: EntryDraft[] = [];
  for (const area of areas) {
    const areaId = `local:area-${area.slug}`;
    drafts.push({
      id: areaId,
      framework: 'local',
      code: `area-${area.slug}`,
      kind: 'group',
      label: area.label,
      altLabels: [],
      description: area.description,
      broader: [],
    });
    for (const skill of area.skills) {
      drafts.push({
        id: `local:${skill.slug}`,
        framework: 'local',
        code: skill.slug,
        kind: 'skill',
        label: skill.label,
        altLabels: uniqueLabels(skill.altLabels ?? [], [skill.label]),
        description: skill.description,
        broader: [areaId],
      });
    }
  }
  return drafts;
}
