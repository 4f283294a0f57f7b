/**
 * O*NET 29.2 tab-separated tables -> taxonomy drafts and occupation
 * profiles. Pure: the caller reads and splits the files.
 */
import type { EntryDraft } from '../hierarchy.ts';
import type { OccupationsFile } from '../types.ts';
import { slugify } from '../text.ts';

type Row = Record<string, string | undefined>;

/** The parsed O*NET tables the builder needs (rows keyed by header). */
export interface OnetSources {
  contentModel: Row[];
  occupations: Row[];
  skills: Row[];
  knowledge: Row[];
  technology: Row[];
}

/** Which technology examples are worth an entry. */
export interface TechnologyCut {
  /** Keep an example listed by at least this many occupations... */
  minOccupations: number;
  /** ...or flagged as a hot technology by any occupation. */
  keepHot: boolean;
}

export const DEFAULT_TECHNOLOGY_CUT: TechnologyCut = { minOccupations: 3, keepHot: true };

export interface OnetBuild {
  drafts: EntryDraft[];
  occupations: OccupationsFile['occupations'];
}

const ONLINE = 'https://www.onetonline.org';
const field = (row: Row, name: string): string => (row[name] ?? '').trim();

/** `onet:tech:<slug>`, where `+` and `#` survive as words (C, C++ and C# stay apart). */
export function technologyId(example: string): string {
  return `onet:tech:${slugify(example)}`;
}

/** Parent element id: `2.A.1.a` -> `2.A.1`. */
function parentElement(id: string): string {
  return id.split('.').slice(0, -1).join('.');
}

export function buildOnet(src: OnetSources, cut: TechnologyCut = DEFAULT_TECHNOLOGY_CUT): OnetBuild {
  const drafts: EntryDraft[] = [];

  // Skills (2.A, 2.B) and knowledge (2.C): elements with children are groups.
  const elements = src.contentModel.filter((row) => /^2\.[ABC](\.|$)/.test(field(row, 'Element ID')));
  const elementIds = new Set(elements.map((row) => field(row, 'Element ID')));
  const hasChildren = new Set([...elementIds].map(parentElement).filter((p) => elementIds.has(p)));
  for (const row of elements) {
    const code = field(row, 'Element ID');
    const parent = parentElement(code);
    drafts.push({
      id: `onet:${code}`,
      framework: 'onet',
      code,
      uri: `${ONLINE}/find/descriptor/result/${code}`,
      kind: hasChildren.has(code) ? 'group' : code.startsWith('2.C') ? 'knowledge' : 'skill',
      label: field(row, 'Element Name'),
      altLabels: [],
      description: field(row, 'Description'),
      broader: elementIds.has(parent) ? [`onet:${parent}`] : [],
    });
  }

  for (const row of src.occupations) {
    const soc = field(row, 'O*NET-SOC Code');
    drafts.push({
      id: `onet:soc:${soc}`,
      framework: 'onet',
      code: soc,
      uri: `${ONLINE}/link/summary/${soc}`,
      kind: 'occupation',
      label: field(row, 'Title'),
      altLabels: [],
      description: field(row, 'Description'),
      broader: [],
    });
  }

  const tech = buildTechnology(src.technology, cut);
  drafts.push(...tech.drafts);

  return { drafts, occupations: buildProfiles(src, tech.keptSlugs) };
}

interface ExampleStats {
  label: string;
  occupations: Set<string>;
  hot: boolean;
  /** Commodity code -> how many rows put the example under it. */
  commodities: Map<string, number>;
}

function buildTechnology(rows: Row[], cut: TechnologyCut): { drafts: EntryDraft[]; keptSlugs: Set<string> } {
  const examples = new Map<string, ExampleStats>();
  const commodityTitles = new Map<string, string>();
  for (const row of rows) {
    const label = field(row, 'Example');
    const slug = slugify(label);
    const commodity = field(row, 'Commodity Code');
    commodityTitles.set(commodity, field(row, 'Commodity Title'));
    const stats = examples.get(slug) ?? { label, occupations: new Set(), hot: false, commodities: new Map() };
    if (stats.label !== label && stats.label.toLowerCase() !== label.toLowerCase()) {
      throw new Error(`Technology examples "${stats.label}" and "${label}" share the slug "${slug}"`);
    }
    stats.occupations.add(field(row, 'O*NET-SOC Code'));
    stats.hot ||= field(row, 'Hot Technology') === 'Y';
    stats.commodities.set(commodity, (stats.commodities.get(commodity) ?? 0) + 1);
    examples.set(slug, stats);
  }

  const kept = [...examples.entries()].filter(([, s]) => s.occupations.size >= cut.minOccupations || (cut.keepHot && s.hot));
  const usedCommodities = new Set(kept.flatMap(([, s]) => [...s.commodities.keys()]));
  const drafts: EntryDraft[] = [...usedCommodities].sort().map((code) => ({
    id: `onet:tech:${code}`,
    framework: 'onet' as const,
    code,
    kind: 'group' as const,
    label: commodityTitles.get(code)!,
    altLabels: [],
    broader: [],
  }));
  // Most-listed examples first, so the data file reads from the most useful entries down.
  kept.sort(([a, x], [b, y]) => y.occupations.size - x.occupations.size || a.localeCompare(b));
  for (const [slug, s] of kept) {
    const broader = [...s.commodities.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([c]) => `onet:tech:${c}`);
    drafts.push({ id: `onet:tech:${slug}`, framework: 'onet', code: slug, kind: 'technology', label: s.label, altLabels: [], broader });
  }
  return { drafts, keptSlugs: new Set(kept.map(([slug]) => slug)) };
}

/** Importance (scale IM) of every element per occupation; rows O*NET recommends suppressing are left out. */
function buildProfiles(src: OnetSources, keptSlugs: Set<string>): OccupationsFile['occupations'] {
  const rated = new Map<string, [string, number][]>();
  for (const row of [...src.skills, ...src.knowledge]) {
    if (field(row, 'Scale ID') !== 'IM' || field(row, 'Recommend Suppress') === 'Y') continue;
    const soc = field(row, 'O*NET-SOC Code');
    const list = rated.get(soc) ?? [];
    list.push([field(row, 'Element ID'), Number(field(row, 'Data Value'))]);
    rated.set(soc, list);
  }
  const technologies = new Map<string, Map<string, [string, 0 | 1, 0 | 1]>>();
  for (const row of src.technology) {
    const slug = slugify(field(row, 'Example'));
    if (!keptSlugs.has(slug)) continue;
    const soc = field(row, 'O*NET-SOC Code');
    const bySlug = technologies.get(soc) ?? new Map<string, [string, 0 | 1, 0 | 1]>();
    const previous = bySlug.get(slug);
    const hot = field(row, 'Hot Technology') === 'Y' || previous?.[1] === 1 ? 1 : 0;
    const inDemand = field(row, 'In Demand') === 'Y' || previous?.[2] === 1 ? 1 : 0;
    bySlug.set(slug, [slug, hot, inDemand]);
    technologies.set(soc, bySlug);
  }

  const out: OccupationsFile['occupations'] = [];
  for (const row of src.occupations) {
    const soc = field(row, 'O*NET-SOC Code');
    const skills = (rated.get(soc) ?? []).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en', { numeric: true }));
    // Hot and in-demand technologies first: they matter most in a gap report.
    const tech = [...(technologies.get(soc)?.values() ?? [])].sort((a, b) => b[1] - a[1] || b[2] - a[2] || a[0].localeCompare(b[0]));
    if (skills.length === 0 && tech.length === 0) continue;
    out.push([soc, field(row, 'Title'), skills, tech]);
  }
  return out;
}
