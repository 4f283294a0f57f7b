/**
 * The committed data set must be exactly what the builder makes from the
 * fixtures, so a change to a builder or a curated source without a rebuild
 * fails here (rebuild with `npx tsx scripts/build-taxonomy.ts`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildFromFixtures, toLinesJson } from '../../../indexer/taxonomy/build/from-fixtures.ts';
import { DATA_DIR, OCCUPATIONS_FILE, SKILLS_FILE } from '../../../indexer/taxonomy/load.ts';
import { HAVE_TAXONOMY_SOURCES, TAXONOMY_FIXTURES } from './paths.ts';

const committed = (name: string): string => gunzipSync(readFileSync(join(DATA_DIR, name))).toString('utf8');

// The raw ESCO/O*NET tables are not shipped: set TAXONOMY_SOURCES to their folder (CI has them beside the repository).
const reason = HAVE_TAXONOMY_SOURCES ? '' : ` (skipped: no ESCO/O*NET source tables at ${TAXONOMY_FIXTURES}; set TAXONOMY_SOURCES)`;

describe('committed taxonomy data', () => {
  it.skipIf(!HAVE_TAXONOMY_SOURCES)(`matches a fresh build from the fixtures${reason}`, { timeout: 60_000 }, () => {
    const built = buildFromFixtures(TAXONOMY_FIXTURES);
    expect(built.brokenCycles).toEqual([]);
    const { entries, ...head } = built.file;
    expect(committed(SKILLS_FILE) === toLinesJson(head, 'entries', entries)).toBe(true);
    const { occupations, ...occupationsHead } = built.occupations;
    expect(committed(OCCUPATIONS_FILE) === toLinesJson(occupationsHead, 'occupations', occupations)).toBe(true);
  });
});
