/**
 * Reads issuer registry files. Two formats:
 *
 * - `directory-v1`, ours: `{ "format": "talent-directory-issuers", "version": 1,
 *   "name": "...", "issuers": [ { "ids", "name", "image"?, "url"?, "location"?,
 *   "origins"?, "dids"?, "keys"?, "status"? } ] }`.
 * - `dcc-legacy`, the Digital Credentials Consortium's known-issuer registry
 *   (as `@digitalcredentials/issuer-registry-client` reads it):
 *   `{ "meta": { "created", "updated" }, "registry": { "<issuer DID>": { "name", "url"?, "location"? } } }`.
 *   Every DID listed there is recognized; its `url` is a homepage, not an
 *   origin the issuer proves control of, so it grants nothing.
 *
 * Every bad row is reported with its line and the reason. Pure.
 */
import { ISSUER_STATUSES, type IssuerRegistryDocument, type IssuerStatus } from '../../mappings/issuers.ts';
import { memberLines } from './json-lines.ts';

export const DIRECTORY_FORMAT = 'talent-directory-issuers';

export type RegistryEntry = Omit<IssuerRegistryDocument, 'provenance' | 'changedAt'>;

export interface RegistryProblem {
  line: number;
  reason: string;
}

export interface ParsedRegistry {
  format: 'directory-v1' | 'dcc-legacy';
  /** The registry's own name (ours), or the file name. */
  name: string;
  entries: { line: number; entry: RegistryEntry }[];
  problems: RegistryProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isHttpUrl = (v: string) => /^https?:\/\/[^\s/]+(\/\S*)?$/i.test(v);
const isDid = (v: string) => /^did:[a-z0-9]+:\S+$/.test(v);

/** Line of a JSON.parse error position, when the message names one. */
function lineOfParseError(text: string, message: string): number {
  const at = /position (\d+)/.exec(message);
  return at ? text.slice(0, Number(at[1])).split('\n').length : 1;
}

function stringList(row: Record<string, unknown>, field: string, problems: string[], check?: (v: string) => string | undefined): string[] {
  const value = row[field];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    problems.push(`"${field}" must be a list of non-empty strings`);
    return [];
  }
  const list = value.map((v: string) => v.trim());
  for (const v of list) {
    const problem = check?.(v);
    if (problem) problems.push(`"${field}": ${problem}`);
  }
  return [...new Set(list)];
}

function optionalString(
  row: Record<string, unknown>,
  field: string,
  problems: string[],
  check?: (v: string) => boolean,
  what?: string,
): string | undefined {
  const value = row[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`"${field}" must be a non-empty string`);
    return undefined;
  }
  if (check && !check(value.trim())) problems.push(`"${field}" ${JSON.stringify(value)} is not ${what}`);
  return value.trim();
}

const originCheck = (v: string) =>
  isHttpUrl(v) && (new URL(v).pathname === '/' || v.endsWith('/'))
    ? undefined
    : `${JSON.stringify(v)} is not a web origin (https://host) or a URL prefix ending in "/"`;

/** One row of our format to an entry, or the reasons it is not one. */
function directoryRow(row: unknown): { entry?: RegistryEntry; problems: string[] } {
  if (!isObject(row)) return { problems: ['an issuer must be a JSON object'] };
  const problems: string[] = [];
  const ids = stringList(row, 'ids', problems, (v) =>
    isDid(v) || isHttpUrl(v) ? undefined : `${JSON.stringify(v)} is neither a DID nor an http(s) URL`,
  );
  if (row.ids === undefined || (Array.isArray(row.ids) && row.ids.length === 0))
    problems.push('"ids" is missing: list the DIDs or URLs the issuer uses as its id');
  const name = optionalString(row, 'name', problems);
  if (!name && row.name === undefined) problems.push('"name" is missing');
  const image = optionalString(row, 'image', problems, isHttpUrl, 'an http(s) URL');
  const url = optionalString(row, 'url', problems, isHttpUrl, 'an http(s) URL');
  const location = optionalString(row, 'location', problems);
  const origins = stringList(row, 'origins', problems, originCheck).map((o) =>
    new URL(o).pathname === '/' && !o.endsWith('/') ? new URL(o).origin : o.replace(/^(https?:\/\/[^/]+)\/$/i, '$1'),
  );
  const dids = stringList(row, 'dids', problems, (v) => (isDid(v) ? undefined : `${JSON.stringify(v)} is not a DID`));
  const keys = stringList(row, 'keys', problems, (v) =>
    isDid(v) || isHttpUrl(v) ? undefined : `${JSON.stringify(v)} is neither a DID URL nor an http(s) URL`,
  );
  const status = (row.status ?? 'RECOGNIZED') as IssuerStatus;
  if (!ISSUER_STATUSES.includes(status))
    problems.push(`"status" ${JSON.stringify(row.status)} is not one of ${ISSUER_STATUSES.join(', ')}`);
  const controlsSomething = origins.length + dids.length + keys.length + ids.filter(isDid).length > 0;
  if (problems.length === 0 && !controlsSomething)
    problems.push(
      'the issuer controls nothing a credential could be checked against: list "origins", "dids" or "keys" (or a DID in "ids")',
    );
  if (problems.length > 0 || !name) return { problems };
  return {
    problems,
    entry: {
      id: ids[0]!,
      ids,
      name,
      ...(image ? { image } : {}),
      ...(url ? { url } : {}),
      ...(location ? { location } : {}),
      origins,
      dids: [...new Set([...dids, ...ids.filter(isDid)])],
      keys,
      status,
    },
  };
}

function dccRow(did: string, row: unknown): { entry?: RegistryEntry; problems: string[] } {
  const problems: string[] = [];
  if (!isDid(did)) problems.push(`key ${JSON.stringify(did)} is not a DID`);
  if (!isObject(row)) return { problems: [...problems, 'an entry must be a JSON object with "name"'] };
  const name = optionalString(row, 'name', problems);
  if (row.name === undefined) problems.push('"name" is missing');
  const url = optionalString(row, 'url', problems, isHttpUrl, 'an http(s) URL');
  const location = optionalString(row, 'location', problems);
  if (problems.length > 0 || !name) return { problems };
  return {
    problems,
    entry: {
      id: did,
      ids: [did],
      name,
      ...(url ? { url } : {}),
      ...(location ? { location } : {}),
      origins: [],
      dids: [did],
      keys: [],
      status: 'RECOGNIZED',
    },
  };
}

export function parseRegistryFile(text: string, fileName: string): ParsedRegistry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    return {
      format: 'directory-v1',
      name: fileName,
      entries: [],
      problems: [{ line: lineOfParseError(text, message), reason: `not valid JSON: ${message}` }],
    };
  }
  const unknownShape = {
    line: 1,
    reason: `neither a "${DIRECTORY_FORMAT}" registry (an "issuers" list) nor a DCC known-issuer registry (a "meta" block and a "registry" map from DID to name, url, location)`,
  };
  if (!isObject(value)) return { format: 'directory-v1', name: fileName, entries: [], problems: [unknownShape] };
  const entries: ParsedRegistry['entries'] = [];
  const problems: RegistryProblem[] = [];
  const seen = new Map<string, number>();
  const add = (line: number, result: { entry?: RegistryEntry; problems: string[] }) => {
    for (const reason of result.problems) problems.push({ line, reason });
    if (!result.entry) return;
    const duplicate = result.entry.ids.find((id) => seen.has(id));
    if (duplicate) return problems.push({ line, reason: `id ${duplicate} is already listed on line ${seen.get(duplicate)}` });
    for (const id of result.entry.ids) seen.set(id, line);
    entries.push({ line, entry: result.entry });
  };

  if (Array.isArray(value.issuers)) {
    if (value.format !== undefined && value.format !== DIRECTORY_FORMAT)
      problems.push({ line: 1, reason: `"format" must be "${DIRECTORY_FORMAT}", got ${JSON.stringify(value.format)}` });
    if (value.version !== undefined && value.version !== 1)
      problems.push({ line: 1, reason: `"version" ${JSON.stringify(value.version)} is not supported (1 is)` });
    const lines = memberLines(text, 'issuers');
    value.issuers.forEach((row, i) => add(lines[i] ?? 1, directoryRow(row)));
    return {
      format: 'directory-v1',
      name: typeof value.name === 'string' && value.name.trim() ? value.name.trim() : fileName,
      entries,
      problems,
    };
  }
  if (isObject(value.meta) && isObject(value.registry)) {
    const lines = memberLines(text, 'registry');
    Object.entries(value.registry).forEach(([did, row], i) => add(lines[i] ?? 1, dccRow(did, row)));
    return { format: 'dcc-legacy', name: typeof value.name === 'string' ? value.name : fileName, entries, problems };
  }
  return { format: 'directory-v1', name: fileName, entries: [], problems: [unknownShape] };
}
