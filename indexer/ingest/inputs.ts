/**
 * Expands what the user named (files, folders, URLs) into input units, one at
 * a time so large JSON Lines files stream: a credential's bytes, or one row of
 * a bulk export. Unreadable paths become `problem` units; nothing throws.
 *
 * Every read has a size ceiling (`../sources/limits.ts`), checked before reading: a
 * file too large to be one credential is refused by its size, and a JSON
 * Lines stream is read line by line with a ceiling per line.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_EXPORT_BYTES, MAX_INPUT_BYTES, mib } from '../sources/limits.ts';
import { safeFetch, type FetchPolicy } from '../net/safe-fetch.ts';
import { looksLikeImportRows, parseCsvRows, type ImportRow } from './imports.ts';
import { boundedLines } from './lines.ts';

export type InputUnit =
  | { kind: 'credential'; source: string; bytes: Uint8Array }
  | { kind: 'row'; source: string; row: ImportRow; raw: string }
  /** `reason`: the reject's reason code (default `UNREADABLE`). */
  | { kind: 'problem'; source: string; detail: string; reason?: 'UNREADABLE' | 'TOO_LARGE' | 'BAD_PRESENTATION_SIGNATURE' };

const CREDENTIAL_FILES = new Set(['.json', '.jsonld', '.jwt', '.jws', '.png', '.svg', '.txt']);
const LINE_FILES = new Set(['.jsonl', '.ndjson']);

export interface ExpandOptions {
  timeoutMs?: number;
  /** Development allowance for URLs on private addresses (`host:port`), as `INDEXER_ALLOW_HOSTS`. */
  allowHosts?: readonly string[];
}

export async function* expandInputs(args: readonly string[], options: ExpandOptions = {}): AsyncGenerator<InputUnit> {
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg))
      yield await fetchUnit(arg, {
        timeoutMs: options.timeoutMs ?? 10_000,
        maxBytes: MAX_INPUT_BYTES,
        allowHosts: options.allowHosts ?? [],
      });
    else yield* expandPath(path.resolve(arg), arg);
  }
}

const tooLarge = (source: string, size: number, limit: number, hint: string): InputUnit => ({
  kind: 'problem',
  source,
  reason: 'TOO_LARGE',
  detail: `${source}: ${size} bytes is more than the ${mib(limit)} limit ${hint}; it was not read`,
});

async function* expandPath(absolute: string, shown: string): AsyncGenerator<InputUnit> {
  let info;
  try {
    info = await stat(absolute);
  } catch {
    yield { kind: 'problem', source: shown, detail: `${shown}: no such file or folder` };
    return;
  }
  if (info.isDirectory()) {
    const entries = (await readdir(absolute, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const ext = path.extname(entry.name).toLowerCase();
      if (entry.isDirectory() || CREDENTIAL_FILES.has(ext) || LINE_FILES.has(ext) || ext === '.csv') {
        yield* expandPath(path.join(absolute, entry.name), path.join(shown, entry.name));
      }
    }
    return;
  }
  if (!info.isFile()) {
    // A device or pipe (e.g. a link to /dev/zero) has no size to check and may never end.
    yield { kind: 'problem', source: shown, detail: `${shown}: not a regular file` };
    return;
  }
  yield* expandFile(absolute, shown, info.size);
}

/** The file's bytes, reading at most `limit`; null when it holds more (it grew since `stat`). */
async function readBounded(absolute: string, limit: number): Promise<Buffer | null> {
  const handle = await open(absolute, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(limit + 1, (await handle.stat()).size + 1));
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) return buffer.subarray(0, filled);
      filled += bytesRead;
      // One byte more than the size checked (or the limit) means the file is larger than it was allowed to be.
      if (filled === buffer.length) return null;
    }
  } finally {
    await handle.close();
  }
}

async function* expandFile(absolute: string, shown: string, size: number): AsyncGenerator<InputUnit> {
  const ext = path.extname(absolute).toLowerCase();
  if (LINE_FILES.has(ext)) {
    yield* jsonLines(absolute, shown);
    return;
  }
  if (ext === '.csv' && size > MAX_EXPORT_BYTES) {
    yield tooLarge(shown, size, MAX_EXPORT_BYTES, 'of one CSV export (split it, or convert it to JSON Lines)');
    return;
  }
  if (ext !== '.csv' && size > MAX_INPUT_BYTES) {
    yield tooLarge(shown, size, MAX_INPUT_BYTES, 'of one input file (a stream of credentials or rows belongs in a JSON Lines file)');
    return;
  }
  const limit = ext === '.csv' ? MAX_EXPORT_BYTES : MAX_INPUT_BYTES;
  const bytes = await readBounded(absolute, limit);
  if (!bytes) {
    yield tooLarge(shown, limit + 1, limit, 'of one input file (it grew while being read)');
    return;
  }
  if (ext === '.csv') {
    yield* csvRows(bytes.toString('utf8'), shown);
    return;
  }
  if (ext === '.json') {
    const rows = tryImportRows(bytes.toString('utf8'));
    if (rows) {
      for (const [i, row] of rows.entries()) yield { kind: 'row', source: `${shown}[${i}]`, row, raw: JSON.stringify(row) };
      return;
    }
  }
  yield { kind: 'credential', source: shown, bytes };
}

/** Export rows when the JSON text is a platform's export (an array of rows, or `{ records: [...] }`), else null. */
export function tryImportRows(text: string): ImportRow[] | null {
  try {
    const value = JSON.parse(text) as unknown;
    const rows = Array.isArray(value) ? value : (value as { records?: unknown })?.records;
    return looksLikeImportRows(rows) ? rows : null;
  } catch {
    return null;
  }
}

/** The rows of a CSV export as input units (a problem unit when it cannot be parsed). */
export function* csvRows(text: string, shown: string): Generator<InputUnit> {
  let rows: ImportRow[];
  try {
    rows = parseCsvRows(text);
  } catch (error) {
    yield { kind: 'problem', source: shown, detail: `${shown}: not a readable CSV file (${(error as Error).message})` };
    return;
  }
  // Row numbers as a spreadsheet shows them: the header is row 1.
  for (const [i, row] of rows.entries()) yield { kind: 'row', source: `${shown}:row ${i + 2}`, row, raw: JSON.stringify(row) };
}

/** Each non-empty line is one credential: a JSON object, a JSON string holding a JWS, or a bare JWS. */
async function* jsonLines(absolute: string, shown: string): AsyncGenerator<InputUnit> {
  for await (const line of boundedLines(createReadStream(absolute), MAX_INPUT_BYTES)) {
    const n = line.n;
    if ('tooLong' in line) {
      yield {
        kind: 'problem',
        source: `${shown}:${n}`,
        reason: 'TOO_LARGE',
        detail: `${shown}:${n}: line is longer than the ${mib(MAX_INPUT_BYTES)} limit of one credential; skipped`,
      };
      continue;
    }
    const text = line.text.trim();
    if (!text) continue;
    const unwrapped = text.startsWith('"') ? unwrapJsonString(text) : text;
    yield { kind: 'credential', source: `${shown}:${n}`, bytes: Buffer.from(unwrapped, 'utf8') };
  }
}

function unwrapJsonString(text: string): string {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
}

/** One URL fetched under the safe-fetch policy: its bytes as a credential unit, or a problem unit. */
export async function fetchUnit(url: string, policy: FetchPolicy): Promise<InputUnit> {
  const fetched = await safeFetch(url, policy, 'application/ld+json, application/json, image/png, image/svg+xml, */*');
  if (!fetched.ok)
    return {
      kind: 'problem',
      source: url,
      detail: `${url}: ${fetched.error}`,
      ...(fetched.tooLarge ? { reason: 'TOO_LARGE' as const } : {}),
    };
  return { kind: 'credential', source: url, bytes: fetched.bytes };
}
