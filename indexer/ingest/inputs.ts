/**
 * Expands what the user named (files, folders, URLs) into input units, one at
 * a time so large JSON Lines files stream: a credential's bytes, or one row of
 * a bulk export. Unreadable paths become `problem` units; nothing throws.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { looksLikeImportRows, parseCsvRows, type ImportRow } from './imports.ts';

export type InputUnit =
  | { kind: 'credential'; source: string; bytes: Uint8Array }
  | { kind: 'row'; source: string; row: ImportRow; raw: string }
  | { kind: 'problem'; source: string; detail: string };

const CREDENTIAL_FILES = new Set(['.json', '.jsonld', '.jwt', '.jws', '.png', '.svg', '.txt']);
const LINE_FILES = new Set(['.jsonl', '.ndjson']);
const MAX_URL_BYTES = 5 * 1024 * 1024;

export async function* expandInputs(args: readonly string[], options: { timeoutMs?: number } = {}): AsyncGenerator<InputUnit> {
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) yield await fetchUnit(arg, options.timeoutMs ?? 10_000);
    else yield* expandPath(path.resolve(arg), arg);
  }
}

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
  yield* expandFile(absolute, shown);
}

async function* expandFile(absolute: string, shown: string): AsyncGenerator<InputUnit> {
  const ext = path.extname(absolute).toLowerCase();
  if (LINE_FILES.has(ext)) {
    yield* jsonLines(absolute, shown);
    return;
  }
  const bytes = await readFile(absolute);
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

function tryImportRows(text: string): ImportRow[] | null {
  try {
    const value = JSON.parse(text) as unknown;
    const rows = Array.isArray(value) ? value : (value as { records?: unknown })?.records;
    return looksLikeImportRows(rows) ? rows : null;
  } catch {
    return null;
  }
}

function* csvRows(text: string, shown: string): Generator<InputUnit> {
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
  const lines = createInterface({ input: createReadStream(absolute), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    const text = line.trim();
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

async function fetchUnit(url: string, timeoutMs: number): Promise<InputUnit> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/ld+json, application/json, image/png, image/svg+xml, */*' } });
    if (!response.ok) return { kind: 'problem', source: url, detail: `${url}: HTTP ${response.status}` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_URL_BYTES) return { kind: 'problem', source: url, detail: `${url}: larger than ${MAX_URL_BYTES} bytes` };
    return { kind: 'credential', source: url, bytes };
  } catch (error) {
    return { kind: 'problem', source: url, detail: `${url}: could not be fetched (${(error as Error).message})` };
  }
}
