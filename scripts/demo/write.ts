/**
 * Writes a data set to a folder and reads it back:
 *
 * - `credentials.jsonl`: one credential per line, a JSON object (JSON-LD
 *   credential or hosted assertion) or a JSON string (compact JWS);
 * - `hosted/`: every served document at its URL path, so
 *   `--resolve <issuerBaseUrl>/=<folder>/hosted/` works offline;
 * - `settings.jsonl`, `pathways.json`, `records.json`, `issuers.json`;
 * - `registry.json`: the issuer registry recognizing the demo issuers (see `registry.ts`);
 * - `manifest.json`: the options, written last, so a folder without it is incomplete.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { validatePathways } from '../../indexer/runtime/pathways.ts';
import {
  issuersSchema,
  jwsLineSchema,
  manifestSchema,
  parseJson,
  parseJsonLines,
  postingSchema,
  recordsSchema,
  settingsSchema,
  type DemoManifest,
} from './files.ts';
import { demoRegistry } from './issuers/registry.ts';
import type { DemoDataset, HostedDocuments, ResolvedDemoOptions } from './types.ts';

/** Bumped whenever the generator's output changes, so cached data sets are rebuilt. */
export const DEMO_FORMAT_VERSION = 4;

const decoder = new TextDecoder();

/** A credential's line in credentials.jsonl. */
export function credentialLine(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return text.startsWith('{') ? text : JSON.stringify(text);
}

const jsonl = (items: readonly unknown[]): string => items.map((item) => `${JSON.stringify(item)}\n`).join('');

export async function writeDemo(dataset: DemoDataset, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'credentials.jsonl'), dataset.credentials.map((c) => `${credentialLine(c.bytes)}\n`).join(''));
  const hostedRoot = path.join(folder, 'hosted');
  const folders = new Set([...dataset.hosted.keys()].map((p) => path.dirname(path.join(hostedRoot, p))));
  for (const dir of folders) await mkdir(dir, { recursive: true });
  for (const [urlPath, body] of dataset.hosted) await writeFile(path.join(hostedRoot, urlPath), body);
  await writeFile(path.join(folder, 'settings.jsonl'), jsonl(dataset.settings));
  await writeFile(path.join(folder, 'pathways.json'), `${JSON.stringify(dataset.pathways, null, 2)}\n`);
  await writeFile(path.join(folder, 'records.json'), `${JSON.stringify(dataset.records)}\n`);
  await writeFile(path.join(folder, 'postings.jsonl'), jsonl(dataset.postings));
  await writeFile(path.join(folder, 'issuers.json'), `${JSON.stringify(dataset.issuers, null, 2)}\n`);
  // For `npm run indexer -- issuers import <folder>/registry.json` before ingesting credentials.jsonl.
  await writeFile(
    path.join(folder, 'registry.json'),
    `${JSON.stringify(demoRegistry(dataset.issuers, dataset.options.issuerBaseUrl), null, 2)}\n`,
  );
  const { options } = dataset;
  const manifest: DemoManifest = {
    formatVersion: DEMO_FORMAT_VERSION,
    earners: options.earners,
    seed: options.seed,
    issuerBaseUrl: options.issuerBaseUrl,
    now: options.now.toISOString(),
    credentials: dataset.credentials.length,
  };
  await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function readHosted(root: string): Promise<HostedDocuments> {
  const hosted: HostedDocuments = new Map();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
  for (const file of files.sort()) hosted.set(`/${path.relative(root, file).split(path.sep).join('/')}`, await readFile(file, 'utf8'));
  return hosted;
}

/** The folder's manifest, or undefined when there is none or it is not a current one (the data set is then generated again). */
export async function readManifest(folder: string): Promise<DemoManifest | undefined> {
  const file = path.join(folder, 'manifest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = manifestSchema.safeParse(safeJson(text));
  return parsed.success ? parsed.data : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads a data set written by `writeDemo`; a file that is not what it wrote stops the read, naming the file and field. */
export async function readDemo(folder: string): Promise<DemoDataset> {
  const manifest = await readManifest(folder);
  if (!manifest) throw new Error(`${folder} holds no complete demo data set (manifest.json is missing or not a demo manifest)`);
  const file = (name: string) => path.join(folder, name);
  const read = (name: string) => readFile(file(name), 'utf8');
  const encoder = new TextEncoder();
  const lines = (await read('credentials.jsonl')).split('\n').filter((l) => l !== '');
  const credentials = lines.map((line, i) => {
    const source = `credentials.jsonl:${i + 1}`;
    const text = line.startsWith('"') ? parseJson(line, jwsLineSchema, source) : line;
    return { source, bytes: encoder.encode(text) };
  });
  const pathways = validatePathways(parseJson(await read('pathways.json'), z.unknown(), file('pathways.json')));
  if (pathways.errors.length > 0) throw new Error(`${file('pathways.json')}: ${pathways.errors.join('; ')}`);
  const options: ResolvedDemoOptions = {
    earners: manifest.earners,
    seed: manifest.seed,
    issuerBaseUrl: manifest.issuerBaseUrl,
    now: new Date(manifest.now),
    workers: 0,
  };
  return {
    options,
    issuers: parseJson(await read('issuers.json'), issuersSchema, file('issuers.json')),
    credentials,
    hosted: await readHosted(path.join(folder, 'hosted')),
    settings: parseJsonLines(await read('settings.jsonl'), settingsSchema, file('settings.jsonl')),
    pathways: pathways.pathways,
    records: parseJson(await read('records.json'), recordsSchema, file('records.json')),
    postings: parseJsonLines(await read('postings.jsonl'), postingSchema, file('postings.jsonl')),
  };
}
