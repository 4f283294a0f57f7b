/**
 * Regenerates the shipped taxonomy data set (indexer/taxonomy/data/) from the
 * raw ESCO and O*NET tables (--fixtures <dir>, else TAXONOMY_SOURCES, else
 * ../shared/fixtures/taxonomy). Dev tooling only: the product reads the
 * committed data.
 *
 *   npx tsx scripts/build-taxonomy.ts [--fixtures <dir>]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildFromFixtures, toLinesJson } from '../indexer/taxonomy/build/from-fixtures.ts';
import { DATA_DIR, OCCUPATIONS_FILE, SKILLS_FILE } from '../indexer/taxonomy/load.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--fixtures');
const fixtures = resolve(
  flag > 0 ? (process.argv[flag + 1] ?? '') : process.env.TAXONOMY_SOURCES || resolve(repoRoot, '../shared/fixtures/taxonomy'),
);

const { file, occupations, brokenCycles, crosswalkPairs } = buildFromFixtures(fixtures);

mkdirSync(DATA_DIR, { recursive: true });
const { entries, ...skillsHead } = file;
writeFileSync(join(DATA_DIR, SKILLS_FILE), gzipSync(toLinesJson(skillsHead, 'entries', entries), { level: 9 }));
const { occupations: rows, ...occupationsHead } = occupations;
writeFileSync(join(DATA_DIR, OCCUPATIONS_FILE), gzipSync(toLinesJson(occupationsHead, 'occupations', rows), { level: 9 }));

const counts = new Map<string, number>();
for (const e of entries) counts.set(`${e.framework}/${e.kind}`, (counts.get(`${e.framework}/${e.kind}`) ?? 0) + 1);
console.log(`taxonomy: ${entries.length} entries`, Object.fromEntries([...counts].sort()));
console.log(`occupation profiles: ${rows.length}; crosswalk pairs: ${crosswalkPairs}; broken cycles: ${brokenCycles.length}`);
for (const edge of brokenCycles) console.warn(`dropped broader edge ${edge.child} -> ${edge.parent} (cycle)`);
