/**
 * An earner adds their own badges. Each item is read and verified exactly as
 * an ingest run does (`prepareUnit`: same readers, checks, reason codes;
 * platform exports stored UNVERIFIED), with the earner's claimed address as
 * the expected recipient (so a hashed recipient is matched per OB 2.0 / 3.0).
 *
 * A credential is attached only when its recipient is that address or one of
 * the DIDs the earner proved control of (DID Auth, done by the API; the DIDs
 * come with the request from the earner's records): another recipient, an
 * unproven DID or a hash of another address is refused with
 * RECIPIENT_MISMATCH. A copy that is not authentic
 * (BAD_SIGNATURE, UNKNOWN_KEY, ...) is refused with its reasons: forged copies
 * have no place in a profile (a platform export's rows, which carry no proof
 * at all, are stored UNVERIFIED as a run stores them). A credential already stored for this earner is
 * ALREADY_ADDED (idempotent); one stored for another earner is never moved.
 * Issuer recognition is decided from what verification proved, never from
 * names, so a self-made key yields at best a verified badge of an UNKNOWN
 * issuer, never a recognized one.
 */
import { INTAKE_LIMITS, type EarnerIntakeRequest, type IntakeItemResult } from '../../mappings/credential-intake.ts';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { recognize } from '../../mappings/issuer-recognition.ts';
import { prepareUnit, storeAndProject, type IngestOptions, type Verified } from '../ingest/ingest.ts';
import { mapConcurrent } from '../ingest/pool.ts';
import { isAuthentic, keepsOver, type CredentialDraft } from '../ingest/prepare.ts';
import { emptySummary } from '../ingest/summary.ts';
import { pendingEntries } from '../issuers/seen.ts';
import { addedMessage, mismatchMessage, refusedBecause } from './explain.ts';
import { intakeUnits } from './units.ts';
import type { IntakeDependencies } from './intake.ts';

const refused = (source: string, reasons: string[], message: string, extra: Partial<IntakeItemResult> = {}): IntakeItemResult => ({
  source,
  outcome: 'REFUSED',
  reasons,
  message,
  ...extra,
});

function described(draft: CredentialDraft): Partial<IntakeItemResult> {
  return {
    status: draft.verification.status,
    credentialId: draft.id,
    badgeName: draft.achievement.name,
    issuerName: draft.issuerRecognition.name ?? draft.issuer.name,
    issuerRecognition: draft.issuerRecognition.status,
  };
}

/** A verified item's result before storing: a refusal, or the draft to store. */
/** True when the recipient key is the earner's address or one of their proven DIDs (a DID URL's fragment aside). */
function isEarners(recipient: string, email: string, dids: ReadonlySet<string>): boolean {
  return recipient === `email:${email}` || (recipient.startsWith('did:') && dids.has(recipient.split('#')[0]!));
}

function screen(item: Verified, email: string, dids: ReadonlySet<string>): { result: IntakeItemResult } | { draft: CredentialDraft } {
  const { prepared } = item;
  if (!prepared.ok) {
    const { reject } = prepared;
    // A presentation refused as a whole says why its holder proof failed (its code and what is wrong).
    const detail = reject.reasons.includes('BAD_PRESENTATION_SIGNATURE') ? reject.details?.[0] : undefined;
    return { result: refused(reject.source, reject.reasons, refusedBecause(reject.reasons, detail)) };
  }
  const draft = prepared.draft;
  const recipient = draft.identityKeys[0] ?? '';
  if (!isEarners(recipient, email, dids))
    return {
      result: refused(draft.source, ['RECIPIENT_MISMATCH'], mismatchMessage(recipient, email), {
        ...described(draft),
        // The other recipient's name is not repeated back.
        issuerName: draft.issuer.name,
      }),
    };
  // Export rows carry no proof by nature: stored UNVERIFIED, as an ingest run stores them.
  if (draft.format !== 'import' && !isAuthentic(draft.verification))
    return { result: refused(draft.source, draft.verification.reasons, refusedBecause(draft.verification.reasons), described(draft)) };
  return { draft };
}

export async function addForEarner(deps: IntakeDependencies, request: EarnerIntakeRequest): Promise<IntakeItemResult[]> {
  const { runtime } = deps;
  const email = request.email.trim().toLowerCase();
  const dids = new Set(request.dids ?? []);
  const now = runtime.now();
  const all = await intakeUnits(request.items, deps.fetchPolicy, { resolver: runtime.verify.resolver, now });
  // A big export would answer with thousands of results: the first ones are read, the rest refused in one result.
  const units = all.slice(0, INTAKE_LIMITS.maxEarnerCredentials);
  const options: IngestOptions = { ...runtime, verify: { ...runtime.verify, recipient: email } };
  const verified = (await mapConcurrent(units, 4, (unit) => prepareUnit(unit, options, now))).flat();

  const results: IntakeItemResult[] = [];
  const drafts = new Map<string, { draft: CredentialDraft; at: number }>();
  for (const item of verified) {
    const screened = screen(item, email, dids);
    if ('result' in screened) {
      results.push(screened.result);
      continue;
    }
    const { draft } = screened;
    if (drafts.has(draft.key)) {
      results.push({
        source: draft.source,
        outcome: 'ALREADY_ADDED',
        reasons: [],
        message: 'The same credential appears twice in this batch; it is added once.',
        ...described(draft),
      });
      continue;
    }
    drafts.set(draft.key, { draft, at: results.length });
    results.push(refused(draft.source, [], '')); // replaced below
  }
  if (all.length > units.length)
    results.push(
      refused(
        all[units.length]!.source,
        ['TOO_MANY'],
        `Not read: only the first ${INTAKE_LIMITS.maxEarnerCredentials} credentials of one batch are read (${all.length} were sent); add the rest in another batch.`,
      ),
    );
  if (drafts.size === 0) return results;

  await deps.storeForEarner({ earnerId: request.earnerId, email, drafts, results });
  return results;
}

/** One request's credentials waiting to be stored, and its results to fill in. */
export interface EarnerStoreJob {
  earnerId: string;
  email: string;
  drafts: Map<string, { draft: CredentialDraft; at: number }>;
  results: IntakeItemResult[];
}

/**
 * The storing step for requests that arrived together (see `intake.ts`): one
 * read of stored copies and links, one write, one projection for all of them.
 */
export async function storeEarnerJobs(deps: IntakeDependencies, jobs: readonly EarnerStoreJob[]): Promise<void> {
  const { store } = deps.runtime;
  const now = deps.runtime.now();
  const registry = await store.registry();
  const keys = [...new Set(jobs.flatMap((job) => [...job.drafts.keys()]))];
  const stored = new Map((await store.credentialsByKey(keys)).map((c) => [c.key, c]));
  const toStore = new Map<string, CredentialDocument>();
  for (const job of jobs) {
    const { results } = job;
    for (const { draft, at } of job.drafts.values()) {
      draft.issuerRecognition = recognize(draft.authority, registry);
      const current = stored.get(draft.key) ?? toStore.get(draft.key);
      if (current && current.earnerId !== job.earnerId) {
        results[at] = refused(
          draft.source,
          ['HELD_BY_ANOTHER_PROFILE'],
          'Not added: this credential is already in another profile in the directory; it is not moved. Contact the directory if it is yours.',
          described(draft),
        );
      } else if (current && (toStore.has(draft.key) || keepsOver(current, draft))) {
        results[at] = {
          ...described(draft),
          source: draft.source,
          outcome: 'ALREADY_ADDED',
          reasons: current.verification.reasons,
          message: addedMessage(current.verification.status, current.achievement.name, current.issuerRecognition.status, true),
          status: current.verification.status,
          issuerRecognition: current.issuerRecognition.status,
        };
      } else {
        // The earner's proven address is the identity this credential is filed under (a hashed recipient or a proven DID matched).
        toStore.set(draft.key, { ...draft, identityKeys: [`email:${job.email}`], earnerId: job.earnerId });
        results[at] = {
          source: draft.source,
          outcome: current ? 'ALREADY_ADDED' : 'ADDED',
          reasons: draft.verification.reasons,
          message: addedMessage(draft.verification.status, draft.achievement.name, draft.issuerRecognition.status, Boolean(current)),
          ...described(draft),
        };
      }
    }
  }
  if (toStore.size === 0) return;
  const docs = [...toStore.values()];
  const emails = [...new Set(docs.map((d) => d.identityKeys[0]!))];
  const links = await store.earnersByIdentity(emails);
  const missing = new Map(
    docs
      .filter((d) => !links.has(d.identityKeys[0]!))
      .map((d) => [d.identityKeys[0]!, { earnerId: d.earnerId, assignedAt: now.toISOString() }]),
  );
  if (missing.size > 0) await store.linkIdentities(missing);
  const seen = pendingEntries(docs, registry, now);
  await store.addRegistryEntries(seen);
  if (seen.length > 0) for (const d of docs) d.issuerRecognition = recognize(d.authority, [...registry, ...seen]);
  await storeAndProject({ ...deps.runtime }, emptySummary(), docs, new Map(), registry);
}
