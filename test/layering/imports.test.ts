/**
 * The layering rule, checked on the sources: `mappings/` is the contract the
 * indexer and the API share, and neither imports the other; production code
 * never imports the demo, benches or tests (`scripts/`, `test/`) or the web
 * app. Imports are read with TypeScript's own pre-processor (static and
 * dynamic imports, re-exports, `require`) plus worker entries named with
 * `new URL('./x.mjs', import.meta.url)`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CODE = /\.(ts|mts|mjs|js)$/;

/** Top-level folders each production folder may import from (relative imports only; packages are free). */
const ALLOWED: Record<string, readonly string[]> = {
  mappings: ['mappings'],
  indexer: ['indexer', 'mappings'],
  api: ['api', 'mappings'],
};

/** Module specifiers a source names: imports, re-exports, dynamic imports, require, and worker entries. */
function importedSpecifiers(source: string): string[] {
  const named = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
  const workers = [...source.matchAll(/new URL\(\s*['"]([^'"]+\.(?:ts|mts|mjs|js))['"]\s*,\s*import\.meta\.url/g)].map((m) => m[1]!);
  return [...named, ...workers];
}

/** The rule broken by one relative import of `file` (repo-relative), or undefined when it keeps the layering. */
function layeringViolation(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const from = file.split('/')[0]!;
  const allowed = ALLOWED[from];
  if (!allowed) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  const to = target.split('/')[0]!;
  if (target.startsWith('..') || !allowed.includes(to))
    return `${file} imports ${specifier} (${to}/): ${from}/ may import only ${allowed.join('/, ')}/`;
  return undefined;
}

function sourcesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && CODE.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('layering', () => {
  it('finds every kind of import, and names the rule a wrong one breaks', () => {
    const source = [
      "import { a } from '../scripts/demo/x.ts';",
      "import type { B } from '../../test/support/y.ts';",
      "export { c } from '../indexer/z.ts';",
      "const d = await import('../api/w.ts');",
      "new Worker(new URL('./entry.mjs', import.meta.url));",
      "import express from 'express';",
    ].join('\n');
    const specifiers = importedSpecifiers(source);
    expect(specifiers).toEqual(
      expect.arrayContaining([
        '../scripts/demo/x.ts',
        '../../test/support/y.ts',
        '../indexer/z.ts',
        '../api/w.ts',
        './entry.mjs',
        'express',
      ]),
    );
    expect(layeringViolation('api/main.ts', '../scripts/demo/x.ts')).toMatch(
      /api\/main\.ts imports \.\.\/scripts\/demo\/x\.ts \(scripts\/\)/,
    );
    expect(layeringViolation('api/resolvers/a.ts', '../../test/support/y.ts')).toMatch(/\(test\/\)/);
    expect(layeringViolation('api/main.ts', '../indexer/z.ts')).toMatch(/api\/ may import only api\/, mappings\//);
    expect(layeringViolation('indexer/cli.ts', '../api/w.ts')).toMatch(/indexer\/ may import only indexer\/, mappings\//);
    expect(layeringViolation('mappings/indices.ts', '../indexer/store/bulk-write.ts')).toMatch(/mappings\/ may import only mappings\//);
    expect(layeringViolation('indexer/verify/ob3.ts', '../../mappings/earners.ts')).toBeUndefined();
    expect(layeringViolation('api/main.ts', 'express')).toBeUndefined();
  });

  it.each(Object.keys(ALLOWED))('%s/ imports only what its layer may', (folder) => {
    const files = sourcesUnder(folder);
    expect(files.length).toBeGreaterThan(0);
    const violations = files.flatMap((file) =>
      importedSpecifiers(readFileSync(path.join(ROOT, file), 'utf8')).flatMap((specifier) => layeringViolation(file, specifier) ?? []),
    );
    expect(violations).toEqual([]);
  });
});
