/**
 * Reads the ESCO and O*NET fixtures and builds the whole data set in memory.
 * Dev tooling: used by `scripts/build-taxonomy.ts` and by the test that
 * checks the committed data is up to date. The product never calls it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CROSSWALKS } from '../crosswalks.ts';
import { LOCAL_AREAS } from '../local-framework.ts';
import { NICE_CATEGORIES, NICE_ROLES } from '../nice-roles.ts';
import type { OccupationsFile } from '../types.ts';
import { assembleTaxonomy, type AssembleReport } from './assemble.ts';
import { buildLocal, buildNice } from './curated.ts';
import { buildEsco } from './esco.ts';
import { buildOnet } from './onet.ts';

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Row[];
}

/** O*NET text files: tab-separated, one record per line, no quoting. */
function readTsv(path: string): Row[] {
  const [header = '', ...lines] = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const names = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

export interface BuiltData extends AssembleReport {
  occupations: OccupationsFile;
}

/** `fixturesDir` is the folder holding `esco-1.2.0/` and `onet-29.2/`. */
export function buildFromFixtures(fixturesDir: string): BuiltData {
  const escoDir = join(fixturesDir, 'esco-1.2.0');
  const onetDir = join(fixturesDir, 'onet-29.2');
  const esco = buildEsco({
    collections: ['digitalSkillsCollection_en.csv', 'transversalSkillsCollection_en.csv', 'greenSkillsCollection_en.csv'].map((f) =>
      readCsv(join(escoDir, f)),
    ),
    broaderRelations: readCsv(join(escoDir, 'broaderRelationsSkillPillar_en.csv')),
    skillGroups: readCsv(join(escoDir, 'skillGroups_en.csv')),
    skillsHierarchy: readCsv(join(escoDir, 'skillsHierarchy_en.csv')),
  });
  const onet = buildOnet({
    contentModel: readTsv(join(onetDir, 'Content Model Reference.txt')),
    occupations: readTsv(join(onetDir, 'Occupation Data.txt')),
    skills: readTsv(join(onetDir, 'Skills.txt')),
    knowledge: readTsv(join(onetDir, 'Knowledge.txt')),
    technology: readTsv(join(onetDir, 'Technology Skills.txt')),
  });
  const nice = buildNice(NICE_CATEGORIES, NICE_ROLES);

  const report = assembleTaxonomy({
    drafts: [...esco.drafts, ...onet.drafts, ...nice.drafts, ...buildLocal(LOCAL_AREAS)],
    crosswalks: CROSSWALKS,
    codeAliases: { esco: esco.codeAliases, nice: nice.codeAliases },
    sources: {
      esco: 'ESCO 1.2.0 (digital, transversal and green skill collections)',
      onet: 'O*NET 29.2 Database (February 2025)',
      nice: 'NICE Framework Components v1.0.0 work roles (ids unchanged in v2.0.0)',
      local: 'Riverbend State Community College Workforce Skills Framework (fictional)',
    },
  });
  return { ...report, occupations: { formatVersion: 1, occupations: onet.occupations } };
}

/** JSON with one list item per line, so a decompressed file diffs and greps well. */
export function toLinesJson(head: Record<string, unknown>, listKey: string, list: readonly unknown[]): string {
  const body = list.map((item) => JSON.stringify(item)).join(',\n');
  const headJson = JSON.stringify(head).slice(0, -1);
  return `${headJson}${headJson.length > 1 ? ',' : ''}${JSON.stringify(listKey)}:[\n${body}\n]}\n`;
}
