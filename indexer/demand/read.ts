/**
 * Reads job-posting files (JSON array, JSON Lines, CSV) and URLs into rows,
 * each with a source naming the file and row. Unreadable input becomes a
 * problem naming what is wrong and where; nothing throws.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCsvRows, type ImportRow } from '../ingest/imports.ts';
import { MAX_EXPORT_BYTES } from '../sources/limits.ts';
import { safeFetch } from '../net/safe-fetch.ts';

export type PostingRowUnit = { kind: 'row'; source: string; row: ImportRow } | { kind: 'problem'; source: string; detail: string };

type Format = 'csv' | 'json' | 'jsonl';

function formatOf(name: string, text: string): Format {
  const ext = path.extname(new URL(name, 'file:///').pathname).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  const start = text.trimStart();
  if (start.startsWith('[') || (start.startsWith('{') && !start.includes('\n{'))) return 'json';
  if (start.startsWith('{')) return 'jsonl';
  return 'csv';
}

export function parsePostingText(text: string, name: string): PostingRowUnit[] {
  if (text.trim() === '') return [{ kind: 'problem', source: name, detail: `${name}: the file is empty` }];
  const format = formatOf(name, text);
  if (format === 'csv') {
    try {
      return parseCsvRows(text).map((row, i) => ({ kind: 'row', source: `${name}:row ${i + 2}`, row }));
    } catch (error) {
      return [{ kind: 'problem', source: name, detail: `${name}: not a readable CSV file (${(error as Error).message})` }];
    }
  }
  if (format === 'jsonl') {
    return text.split('\n').flatMap((line, i): PostingRowUnit[] => {
      if (!line.trim()) return [];
      try {
        const row = JSON.parse(line) as unknown;
        if (typeof row !== 'object' || row === null || Array.isArray(row))
          return [{ kind: 'problem', source: `${name}:${i + 1}`, detail: `${name}:${i + 1}: expected a JSON object per line` }];
        return [{ kind: 'row', source: `${name}:${i + 1}`, row: row as ImportRow }];
      } catch (error) {
        return [{ kind: 'problem', source: `${name}:${i + 1}`, detail: `${name}:${i + 1}: not JSON (${(error as Error).message})` }];
      }
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [{ kind: 'problem', source: name, detail: `${name}: not JSON (${(error as Error).message})` }];
  }
  const rows = Array.isArray(value) ? value : (value as { postings?: unknown })?.postings;
  if (!Array.isArray(rows))
    return [{ kind: 'problem', source: name, detail: `${name}: expected a JSON array of postings (or { "postings": [...] })` }];
  return rows.map((row, i): PostingRowUnit =>
    typeof row === 'object' && row !== null && !Array.isArray(row)
      ? { kind: 'row', source: `${name}[${i}]`, row: row as ImportRow }
      : { kind: 'problem', source: `${name}[${i}]`, detail: `${name}[${i}]: expected an object` },
  );
}

export async function readPostingSource(arg: string, timeoutMs = 10_000, allowHosts: readonly string[] = []): Promise<PostingRowUnit[]> {
  if (/^https?:\/\//i.test(arg)) {
    const fetched = await safeFetch(arg, { timeoutMs, maxBytes: MAX_EXPORT_BYTES, allowHosts }, 'application/json, text/csv, */*');
    if (!fetched.ok) return [{ kind: 'problem', source: arg, detail: `${arg}: could not be fetched (${fetched.error})` }];
    return parsePostingText(fetched.bytes.toString('utf8'), arg);
  }
  try {
    return parsePostingText(await readFile(arg, 'utf8'), arg);
  } catch {
    return [{ kind: 'problem', source: arg, detail: `${arg}: no such file` }];
  }
}
