/**
 * Reads job-posting files (JSON array, JSON Lines, CSV) and URLs into rows,
 * each with a source naming the file and row. Unreadable input becomes a
 * problem naming what is wrong and where; nothing throws.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseCsvRows, type ImportRow } from '../ingest/imports.ts';
import { MAX_EXPORT_BYTES } from '../sources/limits.ts';
import { safeFetch } from '../net/safe-fetch.ts';

export type PostingRowUnit = { kind: 'row'; source: string; row: ImportRow } | { kind: 'problem'; source: string; detail: string };

/** A cell: text, a number, true/false or empty; a JSON row may also give a list of them (`skills`). */
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * One posting row as read: column names to cells. A nested object is
 * refused here, naming the row and column, rather than read as the text
 * "[object Object]".
 */
export const postingRowSchema = z.record(z.string(), z.union([cell, z.array(cell)]));

/** A JSON file of postings: an array of rows, or `{ "postings": [...] }`. */
const postingFileSchema = z.union([z.array(z.unknown()), z.object({ postings: z.array(z.unknown()) }).transform((file) => file.postings)]);

/** A row, or the problem with it at `source` (file:line, file[index] or file:row N). */
function rowUnit(value: unknown, source: string, notAnObject: string): PostingRowUnit {
  const parsed = postingRowSchema.safeParse(value);
  if (parsed.success) return { kind: 'row', source, row: parsed.data };
  const column = parsed.error.issues[0]?.path[0];
  const detail =
    column === undefined ? notAnObject : `column ${JSON.stringify(String(column))} must be text, a number, true/false or a list of them`;
  return { kind: 'problem', source, detail: `${source}: ${detail}` };
}

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
        return [rowUnit(JSON.parse(line), `${name}:${i + 1}`, 'expected a JSON object per line')];
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
  const rows = postingFileSchema.safeParse(value);
  if (!rows.success)
    return [{ kind: 'problem', source: name, detail: `${name}: expected a JSON array of postings (or { "postings": [...] })` }];
  return rows.data.map((row, i) => rowUnit(row, `${name}[${i}]`, 'expected an object'));
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
