/**
 * The issuer registry for admins: who issues here, who is knocking (PENDING),
 * and the decisions (approve, suspend with a reason, correct an entry). Every
 * decision is judged against the stored credentials at once and the affected
 * earners' documents are rebuilt before the answer, so a suspension takes the
 * issuer's badges out of default search immediately (and an approval brings
 * them in).
 */
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';
import { ISSUER_STATUSES, type IssuerRegistryDocument, type IssuerStatus } from '../../mappings/issuers.ts';
import { BadInputError, SearchUnavailableError } from '../errors.ts';
import type { IssuerUpdateInput } from '../generated/resolvers-types.ts';
import type { Platform } from '../platform.ts';
import { rebuildEarnerDocument } from '../records/rebuild.ts';
import type { IssuerWithCounts } from '../stores/issuer-registry.ts';
import type { Viewer } from '../viewer.ts';
import { requireAdmin } from './access.ts';

export interface IssuerServiceDependencies {
  platform: Platform;
  viewer: Viewer;
  now: () => Date;
}

const MAX_LIST = 100;
const MAX_VALUES = 50;
const isHttpUrl = (v: string) => /^https?:\/\/[^\s/]+(\/\S*)?$/i.test(v);
const isDid = (v: string) => /^did:[a-z0-9]+:\S+$/.test(v);

function checkedList(argument: string, values: readonly string[], valid: (v: string) => boolean, what: string): string[] {
  if (values.length > MAX_VALUES) throw new BadInputError(argument, `at most ${MAX_VALUES} values`);
  for (const v of values) if (!valid(v.trim())) throw new BadInputError(argument, `"${v}" is not ${what}`);
  return [...new Set(values.map((v) => v.trim()))];
}

/** An update applied to an entry; throws BadInputError naming the field. Pure. */
export function applyIssuerUpdate(entry: IssuerRegistryDocument, input: IssuerUpdateInput, now: Date): IssuerRegistryDocument {
  const next: IssuerRegistryDocument = { ...entry, changedAt: now.toISOString() };
  if (input.name != null) {
    if (input.name.trim() === '' || input.name.length > 200) throw new BadInputError('input.name', 'must be 1 to 200 characters');
    next.name = input.name.trim();
  }
  for (const field of ['image', 'url'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null || value.trim() === '') delete next[field];
    else if (!isHttpUrl(value.trim())) throw new BadInputError(`input.${field}`, 'must be an http(s) URL');
    else next[field] = value.trim();
  }
  if (input.location !== undefined) {
    if (input.location === null || input.location.trim() === '') delete next.location;
    else next.location = input.location.trim().slice(0, 200);
  }
  // The entry's own id stays among its ids: it is how credentials and lookups find it.
  if (input.ids != null)
    next.ids = [...new Set([entry.id, ...checkedList('input.ids', input.ids, (v) => isDid(v) || isHttpUrl(v), 'a DID or an http(s) URL')])];
  if (input.origins != null)
    next.origins = checkedList(
      'input.origins',
      input.origins,
      (v) => isHttpUrl(v) && (new URL(v).pathname === '/' || v.endsWith('/')),
      'a web origin (https://host) or a URL prefix ending in "/"',
    ).map((o) => (new URL(o).pathname === '/' ? new URL(o).origin : o));
  if (input.dids != null) next.dids = checkedList('input.dids', input.dids, isDid, 'a DID');
  if (input.keys != null) next.keys = checkedList('input.keys', input.keys, (v) => isDid(v) || isHttpUrl(v), 'a DID URL or an http(s) URL');
  return next;
}

export function createIssuerService({ platform, viewer, now }: IssuerServiceDependencies) {
  /** Reads, changes and writes one entry with optimistic concurrency, then re-judges the credentials it concerns. */
  async function change(id: string, apply: (entry: IssuerRegistryDocument) => IssuerRegistryDocument): Promise<IssuerWithCounts> {
    requireAdmin(viewer);
    for (let attempt = 0; attempt < 3; attempt++) {
      const read = await platform.issuers.read(id);
      if (!read) throw new BadInputError('id', `no issuer registry entry has the id ${id}`);
      const next = apply(read.doc);
      if (!(await platform.issuers.replace(read, next))) continue;
      // The entry as it was and as it is: credentials either matched may change standing.
      const changed = await platform.issuers.reevaluate([read.doc, next]);
      const byEarner = new Map<string, true>(changed.map((c) => [c.earnerId, true]));
      for (const earnerId of byEarner.keys()) {
        const [settings, credentials] = await Promise.all([platform.records.settings(earnerId), platform.records.credentialsOf(earnerId)]);
        await rebuildEarnerDocument(platform.records, settings ?? defaultDirectorySettings(earnerId, now()), credentials, now());
      }
      return platform.issuers.withCounts(next);
    }
    throw new SearchUnavailableError(`The issuer ${id} kept changing while saving; try again.`);
  }

  const setStatus =
    (status: IssuerStatus, reason?: string) =>
    (entry: IssuerRegistryDocument): IssuerRegistryDocument => {
      const { statusReason: _previous, ...rest } = entry;
      return { ...rest, status, statusByAdmin: true, ...(reason ? { statusReason: reason } : {}), changedAt: now().toISOString() };
    };

  return {
    async list(args: { search?: string | null; status?: readonly IssuerStatus[] | null; first?: number | null }) {
      requireAdmin(viewer);
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > MAX_LIST)
        throw new BadInputError('first', `must be a whole number from 1 to ${MAX_LIST}`);
      const search = args.search?.trim();
      if (search && search.length > 200) throw new BadInputError('search', 'at most 200 characters');
      const statuses = [...new Set(args.status ?? [])];
      for (const s of statuses)
        if (!ISSUER_STATUSES.includes(s)) throw new BadInputError('status', `"${s}" is not one of ${ISSUER_STATUSES.join(', ')}`);
      return platform.issuers.list({ ...(search ? { search } : {}), statuses, first });
    },
    approve: (id: string) => change(id, setStatus('RECOGNIZED')),
    suspend: (id: string, reason: string) => {
      const why = reason.trim();
      if (why === '' || why.length > 1000)
        throw new BadInputError('reason', 'say why in 1 to 1000 characters: earners and employers may ask');
      return change(id, setStatus('SUSPENDED', why));
    },
    update: (id: string, input: IssuerUpdateInput) => change(id, (entry) => applyIssuerUpdate(entry, input, now())),
  };
}

export type IssuerService = ReturnType<typeof createIssuerService>;
