/**
 * `npm run indexer -- issuers import <file>... [--partial]`: loads registry
 * files into the issuer registry, most authoritative first. A file with
 * errors applies nothing unless `--partial` (then its good rows are applied).
 * An admin's status decision survives a re-import.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import type { EarnerContext } from '../earners/refresh.ts';
import { parseRegistryFile, type RegistryEntry } from './registry-file.ts';
import { reevaluateRecognition } from './reevaluate.ts';

export interface ImportProblem {
  file: string;
  line: number;
  reason: string;
}

export interface IssuerImportResult {
  /** Entries written to the registry. */
  applied: number;
  /** Entries left out because a more authoritative file of the same import lists the same id. */
  shadowed: number;
  problems: ImportProblem[];
  credentialsChanged: number;
  earnersUpdated: number;
}

/** Reads and checks every file; pure apart from reading the files. */
export async function readRegistryFiles(files: readonly string[]): Promise<{
  parsed: {
    file: string;
    format: IssuerRegistryDocument['provenance']['format'];
    name: string;
    entries: { line: number; entry: RegistryEntry }[];
  }[];
  problems: ImportProblem[];
}> {
  const parsed = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      problems.push({ file, line: 0, reason: `cannot be read: ${(error as Error).message}` });
      continue;
    }
    const result = parseRegistryFile(text, path.basename(file));
    problems.push(...result.problems.map((p) => ({ file, ...p })));
    parsed.push({ file, format: result.format, name: result.name, entries: result.entries });
  }
  return { parsed, problems };
}

export type ParsedRegistryFile = Awaited<ReturnType<typeof readRegistryFiles>>['parsed'][number];

export async function importIssuerRegistries(
  ctx: EarnerContext,
  files: readonly string[],
  options: { partial?: boolean } = {},
): Promise<IssuerImportResult> {
  const { parsed, problems } = await readRegistryFiles(files);
  if (problems.length > 0 && !options.partial) return { applied: 0, shadowed: 0, problems, credentialsChanged: 0, earnersUpdated: 0 };
  return { ...(await applyRegistries(ctx, parsed)), problems };
}

/** Writes checked registries (most authoritative first) and re-judges the credentials they concern. */
export async function applyRegistries(ctx: EarnerContext, parsed: readonly ParsedRegistryFile[]): Promise<IssuerImportResult> {
  const result: IssuerImportResult = { applied: 0, shadowed: 0, problems: [], credentialsChanged: 0, earnersUpdated: 0 };

  const now = new Date().toISOString();
  const existing = new Map((await ctx.store.registry()).map((e) => [e.id, e]));
  const claimed = new Set<string>();
  const documents: IssuerRegistryDocument[] = [];
  parsed.forEach(({ format, name, entries }, rank) => {
    for (const { entry } of entries) {
      if (entry.ids.some((id) => claimed.has(id))) {
        result.shadowed++;
        continue;
      }
      for (const id of entry.ids) claimed.add(id);
      const before = existing.get(entry.id);
      const keepStatus = before?.statusByAdmin
        ? { status: before.status, statusByAdmin: true, ...(before.statusReason ? { statusReason: before.statusReason } : {}) }
        : {};
      documents.push({ ...entry, ...keepStatus, provenance: { format, source: name, rank }, changedAt: now });
    }
  });
  const written = await ctx.store.write(
    'issuers',
    documents.map((d) => ({ id: d.id, document: d })),
    { refresh: true },
  );
  if (written.rejected.length > 0)
    throw new Error(`the engine rejected registry entries: ${written.rejected.map((r) => `${r.id}: ${r.reason}`).join('; ')}`);
  result.applied = written.written;
  const changed = await reevaluateRecognition(ctx, [
    ...documents,
    ...documents.flatMap((d) => (existing.get(d.id) ? [existing.get(d.id)!] : [])),
  ]);
  result.credentialsChanged = changed.credentials;
  result.earnersUpdated = changed.earners;
  return result;
}

export function formatImportResult(r: IssuerImportResult, partial: boolean): string {
  const lines = r.problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
  if (r.problems.length > 0 && !partial)
    return [
      `Issuer registry: ${r.problems.length} problem(s); nothing was applied (fix them, or pass --partial to apply the good rows):`,
      ...lines,
    ].join('\n');
  return [
    `Issuer registry: ${r.applied} entries applied${r.shadowed ? `, ${r.shadowed} left to a more authoritative registry` : ''}; ${r.credentialsChanged} credentials changed recognition, ${r.earnersUpdated} earners rewritten`,
    ...(r.problems.length ? [`  ${r.problems.length} row(s) skipped:`, ...lines] : []),
  ].join('\n');
}
