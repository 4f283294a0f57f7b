/**
 * Regenerates the shipped taxonomy data set (indexer/taxonomy/data/) from the
 * ESCO and O*NET fixtures in ../shared/fixtures/taxonomy. Dev tooling only:
 * the product reads the committed data, never ../shared.
 *
 *   npx tsx scripts/build-taxonomy.ts [--fixtures <dir>]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { CROSSWALKS } from '../indexer/taxonomy/crosswalks.ts';
import { assembleTaxonomy } from '../indexer/taxonomy/build/assemble.ts';
import { buildLocal, buildNice } from '../indexer/taxonomy/build/curated.ts';
import { buildEsco } from '../indexer/taxonomy/build/esco.ts';
import { buildOnet } from '../indexer/taxonomy/build/onet.ts';
import { LOCAL_AREAS } from '../indexer/taxonomy/local-framework.ts';
import { NICE_CATEGORIES, NICE_ROLES } from '../indexer/taxonomy/nice-roles.ts';
import { DATA_DIR, OCCUPATIONS_FILE, SKILLS_FILE } from '../indexer/taxonomy/load.ts';
import type { OccupationsFile } from '../indexer/taxonomy/types.ts';

type Row = Record<string, string>;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--fixtures');
const fixtures = flag > 0 ? resolve(process.argv[flag + 1] ?? '') : resolve(repoRoot, '../shared/fixtures/taxonomy');
const escoDir = join(fixtures, 'esco-1.2.0');
const onetDir = join(fixtures, 'onet-29.2');

function readCsv(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Row[];
}

/** O*NET text files: tab-separated, one record per line, no quoting. */
function readTsv(path: string): Row[] {
  const [header = '', ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const names = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

const esco = buildEsco({
  collections: ['digitalSkillsCollection_en.csv', 'transversalSkillsCollection_en.csv', 'greenSkillsCollection_en.csv'].map((f) => readCsv(join(escoDir, f))),
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

const { file, brokenCycles, crosswalkPairs } = assembleTaxonomy({
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

/** One entry per line, so a decompressed file diffs and greps well. */
function linesJson(head: Record<string, unknown>, listKey: string, list: unknown[]): string {
  const body = list.map((item) => JSON.stringify(item)).join(',\n');
  const headJson = JSON.stringify(head).slice(0, -1);
  return `${headJson}${headJson.length > 1 ? ',' : ''}"${listKey}":[\n${body}\n]}\n`;
}

mkdirSync(DATA_DIR, { recursive: true });
const { entries, ...skillsHead } = file;
writeFileSync(join(DATA_DIR, SKILLS_FILE), gzipSync(linesJson(skillsHead, 'entries', entries), { level: 9 }));
const occupationsHead: Omit<OccupationsFile, 'occupations'> = { formatVersion: 1 };
writeFileSync(join(DATA_DIR, OCCUPATIONS_FILE), gzipSync(linesJson(occupationsHead, 'occupations', onet.occupations), { level: 9 }));

const counts = new Map<string, number>();
for (const e of entries) counts.set(`${e.framework}/${e.kind}`, (counts.get(`${e.framework}/${e.kind}`) ?? 0) + 1);
console.log(`taxonomy: ${entries.length} entries`, Object.fromEntries([...counts].sort()));
console.log(`occupation profiles: ${onet.occupations.length}; crosswalk pairs: ${crosswalkPairs}; broken cycles: ${brokenCycles.length}`);
for (const edge of brokenCycles) console.warn(`dropped broader edge ${edge.child} -> ${edge.parent} (cycle)`);
