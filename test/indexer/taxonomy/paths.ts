/** Paths the taxonomy tests read: the shared fixtures sit beside the repository. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = resolve(REPO_ROOT, '../shared/fixtures');
export const TAXONOMY_FIXTURES = resolve(FIXTURES, 'taxonomy');
