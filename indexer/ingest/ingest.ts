/**
 * The ingest run: input units -> verified, normalized credentials -> stored
 * credentials assigned to earners -> earner and badge-class documents.
 *
 * Works in chunks so memory stays flat at any size; each chunk is refreshed
 * before the next, so an earner whose credentials span chunks is found and
 * extended, not duplicated. One bad item never stops the run: it becomes a
 * reject with its reasons.
 */
import type { BadgeClassDocument } from '../../mappings/badge-classes.ts';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import type { EarnerLink } from '../../mappings/earner-ids.ts';
import { recognize } from '../../mappings/issuer-recognition.ts';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import { pendingEntries } from '../issuers/seen.ts';
import { assignEarners } from '../earners/assign.ts';
import { HashedEmailIndex } from '../earners/hashed-emails.ts';
import { earnerWrites, type EarnerContext } from '../earners/refresh.ts';
import { readCredentials } from '../sources/read-credentials.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import type { VerifyOptions } from '../verify/types.ts';
import { badgeClassWrites } from './badge-classes.ts';
import { prepareImportRow } from './imports.ts';
import type { InputUnit } from './inputs.ts';
import { mapConcurrent } from './pool.ts';
import { keepsOver, keptBecause, prepareCredential, type CredentialDraft, type Prepared, type Reject } from './prepare.ts';
import { countAccepted, countRejected, emptySummary, type RunSummary } from './summary.ts';
import { VerifyWorkerCrashed, type VerifyPool } from './verify-pool.ts';

export interface IngestOptions extends EarnerContext {
  taxonomy: Taxonomy;
  verify: VerifyOptions;
  /** Input units per chunk (default 1000). */
  chunkSize?: number;
  /** Credentials verified at once (default 8: verification mostly waits on HTTP or hashing). */
  verifyConcurrency?: number;
  /**
   * Verifies in worker threads instead of this one (see `createVerifyPool`;
   * the caller closes it). Same answers; engine writes stay in this thread.
   */
  verifyPool?: VerifyPool;
  onReject?: (reject: Reject) => void | Promise<void>;
  onProgress?: (summary: RunSummary) => void;
  /**
   * Aborts the run at a safe point: no new credential starts verifying, and a
   * chunk is either written whole or not at all (a re-run completes it).
   */
  signal?: AbortSignal;
  /** Notable changes to shared data (a badge class replaced by a newer authentic version). */
  log?: (line: string) => void;
}

/** A draft plus what is needed to link a hashed recipient later. */
interface Accepted {
  draft: CredentialDraft;
  hashed?: { key: string; salt: string; identity: string };
}

export async function ingest(units: AsyncIterable<InputUnit> | Iterable<InputUnit>, options: IngestOptions): Promise<RunSummary> {
  const started = Date.now();
  const summary = emptySummary();
  const emails = new HashedEmailIndex();
  /** Hashed recipients no address matched yet: earner id and how to match them later. */
  const unlinked = new Map<string, { salt: string; identity: string; earnerId: string }>();
  // The next chunk verifies (in the workers) while this one is merged and written:
  // verification reads nothing the writes change, and chunks are still written in order.
  let writing: Promise<void> = Promise.resolve();
  let chunk: InputUnit[] = [];
  const flush = async () => {
    const units = chunk;
    chunk = [];
    const now = options.now();
    const verified = verifyChunk(units, options, now);
    verified.catch(() => {}); // awaited below; this only keeps an early failure from being unhandled
    await writing;
    writing = (async () => {
      const results = await verified;
      options.signal?.throwIfAborted();
      await ingestChunk(units, results, now, options, summary, emails, unlinked);
      options.onProgress?.(summary);
    })();
    writing.catch(() => {}); // awaited at the next flush or the end
    if (!options.verifyPool) await writing; // one thread: nothing to overlap
  };
  for await (const unit of units) {
    chunk.push(unit);
    if (chunk.length >= (options.chunkSize ?? 1000)) await flush();
  }
  if (chunk.length > 0) await flush();
  await writing;
  options.signal?.throwIfAborted();
  await linkHashedRecipients(options, summary, emails, unlinked);
  summary.ms = Date.now() - started;
  return summary;
}

/** One verified item, prepared for storing. */
export type Verified = { prepared: Prepared; hashed?: Accepted['hashed'] };

/** Reads, verifies and prepares one input unit (a credential file gives one or several, a row one). */
export async function prepareUnit(unit: InputUnit, options: IngestOptions, now: Date): Promise<Verified[]> {
  if (unit.kind === 'problem')
    return [{ prepared: { ok: false, reject: { source: unit.source, reasons: [unit.reason ?? 'UNREADABLE'], details: [unit.detail] } } }];
  if (unit.kind === 'row') return [{ prepared: prepareImportRow(unit.row, unit.source, options.taxonomy, unit.raw, now) }];
  const input = { source: unit.source, bytes: unit.bytes };
  let credentials;
  try {
    credentials = options.verifyPool ? await options.verifyPool.read(input, now) : await readCredentials(input, { ...options.verify, now });
  } catch (error) {
    if (!(error instanceof VerifyWorkerCrashed)) throw error;
    // not lost: a reject naming the item, so a re-run verifies it again
    return [{ prepared: { ok: false, reject: { source: unit.source, reasons: ['VERIFY_WORKER_CRASHED'], details: [error.message] } } }];
  }
  return credentials.map((c) => {
    const prepared = prepareCredential(c, unit.bytes, options.taxonomy, now);
    const hashed =
      c.recipient.type === 'hashed-email' && prepared.ok
        ? { key: prepared.draft.identityKeys[0]!, salt: c.recipient.salt ?? '', identity: c.recipient.identity }
        : undefined;
    return { prepared, ...(hashed ? { hashed } : {}) };
  });
}

/** The registry's verdict on each draft's proven issuer (names in the credential play no part). */
function applyRecognition(results: { prepared: Prepared }[], registry: readonly IssuerRegistryDocument[]): void {
  for (const { prepared } of results) if (prepared.ok) prepared.draft.issuerRecognition = recognize(prepared.draft.authority, registry);
}

function conflictReject(
  draft: CredentialDraft,
  authenticSource: string,
  current?: { verification: CredentialDraft['verification']; authority?: readonly string[] },
): Reject {
  if (current && keptBecause(current, draft) === 'OTHER_SIGNER') {
    return {
      source: draft.source,
      credentialId: draft.id,
      reasons: ['CONFLICTS_WITH_OTHER_SIGNER'],
      details: [
        `${draft.source}: credential ${draft.id} of issuer ${draft.issuer.id} is signed by ${draft.authority.join(', ') || 'nobody proven'}, not by ${current.authority?.join(', ')} who signed the copy from ${authenticSource}; that copy is kept`,
      ],
    };
  }
  return {
    source: draft.source,
    credentialId: draft.id,
    reasons: ['CONFLICTS_WITH_AUTHENTIC_COPY', ...draft.verification.reasons],
    details: [
      `${draft.source}: credential ${draft.id} fails verification (${draft.verification.reasons.join(', ')}) while a verified copy from ${authenticSource} exists; the verified copy is kept`,
    ],
  };
}

/** Verifies a chunk's units, in input order. */
async function verifyChunk(units: InputUnit[], options: IngestOptions, now: Date): Promise<Verified[]> {
  options.signal?.throwIfAborted();
  // Workers are CPU-bound: a few items queued on each keeps every core busy.
  const limit = Math.max(options.verifyConcurrency ?? 8, 4 * (options.verifyPool?.size ?? 0));
  return (await mapConcurrent(units, limit, (u) => prepareUnit(u, options, now), options.signal)).flat();
}

async function ingestChunk(
  units: InputUnit[],
  results: Verified[],
  now: Date,
  options: IngestOptions,
  summary: RunSummary,
  emails: HashedEmailIndex,
  unlinked: Map<string, { salt: string; identity: string; earnerId: string }>,
): Promise<void> {
  const { store } = options;
  summary.inputs += units.length;
  const registry = await store.registry();
  applyRecognition(results, registry);

  // The same credential twice (same issuer, same id) is one credential (see `keepsOver` for which copy stays).
  const accepted = new Map<string, Accepted>();
  const reject = async (r: Reject) => {
    countRejected(summary, r);
    await options.onReject?.(r);
  };
  for (const { prepared, hashed } of results) {
    if (!prepared.ok) {
      await reject(prepared.reject);
      continue;
    }
    const current = accepted.get(prepared.draft.key);
    if (current && keepsOver(current.draft, prepared.draft))
      await reject(conflictReject(prepared.draft, current.draft.source, current.draft));
    else accepted.set(prepared.draft.key, { draft: prepared.draft, ...(hashed ? { hashed } : {}) });
  }
  for (const stored of await store.credentialsByKey([...accepted.keys()])) {
    const incoming = accepted.get(stored.key)!;
    if (keepsOver(stored, incoming.draft)) {
      accepted.delete(stored.key);
      await reject(conflictReject(incoming.draft, stored.source, stored));
    }
  }
  for (const { draft } of accepted.values())
    for (const key of draft.identityKeys) if (key.startsWith('email:')) emails.addEmail(key.slice(6));
  for (const { draft, hashed } of accepted.values()) {
    const email = hashed && emails.lookup(hashed.identity, hashed.salt);
    if (email) draft.identityKeys = [...new Set([...draft.identityKeys, `email:${email}`])];
  }

  const allKeys = [...new Set([...accepted.values()].flatMap((a) => a.draft.identityKeys))];
  const blocked = await store.deletedIdentities(allKeys);
  const drafts: Accepted[] = [];
  for (const a of accepted.values()) {
    if (a.draft.identityKeys.some((k) => blocked.has(k))) summary.skippedDeleted++;
    else drafts.push(a);
  }
  if (drafts.length === 0) return;

  const existing = await store.earnersByIdentity(allKeys.filter((k) => !blocked.has(k)));
  // Assigned by stored key: two issuers' credentials sharing an id are two credentials.
  const { earnerOf, merges, links } = assignEarners(
    drafts.map((a) => ({ id: a.draft.key, identityKeys: a.draft.identityKeys })),
    existing,
    { now },
  );
  // The private links first: a run that stops later still finds these people under the same ids.
  await store.linkIdentities(links);
  await store.moveLinks(merges, new Map([...links.values()].map((l) => [l.earnerId, l])));
  const newDocs: CredentialDocument[] = drafts.map(({ draft }) => ({ ...draft, earnerId: earnerOf.get(draft.key)! }));
  const seen = pendingEntries(newDocs, registry, now);
  await store.addRegistryEntries(seen);
  // Credentials of an issuer met for the first time point at its new PENDING entry (still UNKNOWN).
  if (seen.length > 0) for (const d of newDocs) d.issuerRecognition = recognize(d.authority, [...registry, ...seen]);
  await storeAndProject(options, summary, newDocs, merges, registry);

  for (const { draft, hashed } of drafts) {
    if (hashed && draft.identityKeys.length === 1)
      unlinked.set(hashed.key, { salt: hashed.salt, identity: hashed.identity, earnerId: earnerOf.get(draft.key)! });
    else if (hashed) unlinked.delete(hashed.key);
  }
  for (const d of newDocs) countAccepted(summary, d);
}

/**
 * Stores items already read and verified (an issuer's push): the same
 * conflict, identity-merging and projection rules as a chunk of a run.
 * Rejects go to `options.onReject`.
 */
export async function ingestPrepared(results: Verified[], options: IngestOptions): Promise<RunSummary> {
  const summary = emptySummary();
  await ingestChunk([], results, options.now(), options, summary, new HashedEmailIndex(), new Map());
  return summary;
}

/**
 * Writes new credentials, moves the credentials of merged-away earners to the
 * earner they join, and rewrites every touched earner and badge class.
 */
export async function storeAndProject(
  options: IngestOptions,
  summary: RunSummary,
  newDocs: CredentialDocument[],
  merges: ReadonlyMap<string, string>,
  registry?: readonly IssuerRegistryDocument[],
): Promise<void> {
  const { store } = options;
  const previousOwners = (await store.credentialsByKey(newDocs.map((d) => d.key))).map((c) => c.earnerId);
  const touched = [...new Set([...newDocs.map((d) => d.earnerId), ...merges.keys(), ...previousOwners])];
  const newKeys = new Set(newDocs.map((d) => d.key));
  const stored = (await store.credentialsOf(touched)).filter((c) => !newKeys.has(c.key));
  const moved = stored.filter((c) => merges.has(c.earnerId)).map((c) => ({ ...c, earnerId: merges.get(c.earnerId)! }));
  const kept = stored.filter((c) => !merges.has(c.earnerId));

  const credentialResult = await store.write(
    'credentials',
    [...newDocs, ...moved].map((d) => ({ id: d.key, document: d })),
  );
  summary.engineRejected += credentialResult.rejected.length;
  for (const r of credentialResult.rejected)
    await options.onReject?.({ source: r.id, credentialId: r.id, reasons: ['ENGINE_REJECTED'], details: [r.reason] });

  const byEarner = new Map<string, CredentialDocument[]>(touched.map((id) => [id, []]));
  for (const c of [...kept, ...moved, ...newDocs]) {
    const list = byEarner.get(c.earnerId);
    if (list) list.push(c);
    else byEarner.set(c.earnerId, [c]);
  }
  const earnerResult = await store.write('earners', await earnerWrites(options, byEarner));
  summary.earnersWritten += earnerResult.written;
  summary.earnersMerged += merges.size;
  summary.engineRejected += earnerResult.rejected.length;
  const owned = newDocs.filter((d) => d.verification.status === 'VERIFIED');
  const existing = new Map(
    (await store.documentsById<BadgeClassDocument>('badge-classes', [...new Set(owned.map((d) => d.achievement.id))])).map((b) => [
      b.id,
      b,
    ]),
  );
  await store.write(
    'badge-classes',
    badgeClassWrites(owned, options.pathways, options.now(), {
      registry: registry ?? (await store.registry()),
      existing,
      ...(options.log ? { log: options.log } : {}),
    }),
  );
  await store.refresh('credentials', 'earners', 'badge-classes');
}

/** After the run: hashed recipients whose address turned up later join that address's earner. */
async function linkHashedRecipients(
  options: IngestOptions,
  summary: RunSummary,
  emails: HashedEmailIndex,
  unlinked: Map<string, { salt: string; identity: string; earnerId: string }>,
): Promise<void> {
  const links = new Map<string, string>(); // hashed earner id -> email key
  for (const { salt, identity, earnerId } of unlinked.values()) {
    const email = emails.lookup(identity, salt);
    if (email) links.set(earnerId, `email:${email}`);
  }
  if (links.size === 0) return;
  const owners = await options.store.earnersByIdentity([...new Set(links.values())]);
  const merges = new Map<string, string>();
  const winners = new Map<string, EarnerLink>();
  for (const [hashedEarner, emailKey] of links) {
    const owner = owners.get(emailKey);
    if (owner && owner.earnerId !== hashedEarner) {
      merges.set(hashedEarner, owner.earnerId);
      winners.set(owner.earnerId, owner);
    }
  }
  if (merges.size === 0) return;
  await options.store.moveLinks(merges, winners);
  // The moved credentials learn the address, so later runs link them at once.
  const moving = await options.store.credentialsOf([...merges.keys()]);
  const relinked = moving.map((c) => ({
    ...c,
    earnerId: merges.get(c.earnerId)!,
    identityKeys: [...new Set([...c.identityKeys, links.get(c.earnerId)!])],
  }));
  await storeAndProject(options, summary, relinked, merges);
}
