/**
 * Paths the taxonomy tests read. The 1EdTech credentials ship in the
 * repository (test/fixtures/1edtech); the raw ESCO and O*NET tables are too
 * large to ship, so the test that rebuilds the taxonomy from them finds them
 * through TAXONOMY_SOURCES (default: ../shared/fixtures/taxonomy beside the
 * repository) and is skipped, with that reason, where they are absent.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CREDENTIAL_FIXTURES = resolve(REPO_ROOT, 'test/fixtures/1edtech');
export const TAXONOMY_FIXTURES = resolve(process.env.TAXONOMY_SOURCES || resolve(REPO_ROOT, '../shared/fixtures/taxonomy'));
export const HAVE_TAXONOMY_SOURCES =
  existsSync(resolve(TAXONOMY_FIXTURES, 'esco-1.2.0')) && existsSync(resolve(TAXONOMY_FIXTURES, 'onet-29.2'));
