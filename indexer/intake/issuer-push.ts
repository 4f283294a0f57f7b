/**
 * A recognized issuer pushes credentials with its API key. Each is read and
 * verified exactly as an ingest run does, then kept only when the registry,
 * judging by what verification proved (keys, DIDs, hosting origins; never a
 * name or issuer id written in the credential), recognizes its issuer as the
 * very entry the key belongs to. Issuer A's key therefore cannot place a
 * credential under issuer B, nor an unsigned or self-signed one anywhere.
 * Kept credentials go through the run's own storing step (`ingestPrepared`):
 * same conflict rules, identity merging and projection. A pushed
 * presentation whose holder proof fails is refused whole
 * (BAD_PRESENTATION_SIGNATURE), as an earner's upload is (`checkedFileUnits`).
 */
import type { IntakeItemResult, IssuerPushRequest } from '../../mappings/credential-intake.ts';
import { recognize } from '../../mappings/issuer-recognition.ts';
import { ingestPrepared, prepareUnit, type IngestOptions, type Verified } from '../ingest/ingest.ts';
import type { InputUnit } from '../ingest/inputs.ts';
import { mapConcurrent } from '../ingest/pool.ts';
import type { Reject } from '../ingest/prepare.ts';
import { addedMessage, reasonsInWords, refusedBecause } from './explain.ts';
import type { IntakeDependencies } from './intake.ts';
import { checkedFileUnits } from './units.ts';

const refused = (source: string, reasons: string[], message: string, extra: Partial<IntakeItemResult> = {}): IntakeItemResult => ({
  source,
  outcome: 'REFUSED',
  reasons,
  message,
  ...extra,
});

export async function pushForIssuer(deps: IntakeDependencies, request: IssuerPushRequest): Promise<IntakeItemResult[]> {
  const { runtime } = deps;
  const now = runtime.now();
  const registry = await runtime.store.registry();
  const entry = registry.find((e) => e.id === request.issuerEntryId);
  if (!entry || entry.status !== 'RECOGNIZED')
    return request.items.map((i) =>
      refused(i.source, ['ISSUER_NOT_RECOGNIZED'], 'Not stored: the issuer this key belongs to is not recognized (any more).'),
    );

  // Export rows carry no proof: an issuer pushes signed or hosted credentials only.
  const holder = { resolver: runtime.verify.resolver, now };
  const units: InputUnit[] = (await mapConcurrent(request.items, 4, (item) => checkedFileUnits(item.source, item.bytes, holder)))
    .flat()
    .map((u) =>
      u.kind === 'row' ? { kind: 'problem' as const, source: u.source, detail: `${u.source}: an export row carries no proof` } : u,
    );
  const options: IngestOptions = { ...runtime };
  const verified = (await mapConcurrent(units, 4, (unit) => prepareUnit(unit, options, now))).flat();

  const results: IntakeItemResult[] = [];
  const accepted: { item: Verified; at: number }[] = [];
  for (const item of verified) {
    const { prepared } = item;
    if (!prepared.ok) {
      const { reject } = prepared;
      // A failed holder proof says why (as for an earner's upload): the issuer's tooling needs the cause.
      const detail = reject.reasons.includes('BAD_PRESENTATION_SIGNATURE') ? reject.details?.[0] : undefined;
      results.push(refused(reject.source, reject.reasons, refusedBecause(reject.reasons, detail)));
      continue;
    }
    const { draft } = prepared;
    draft.issuerRecognition = recognize(draft.authority, registry);
    const about = {
      status: draft.verification.status,
      credentialId: draft.id,
      badgeName: draft.achievement.name,
      issuerName: draft.issuer.name,
    };
    if (draft.issuerRecognition.status !== 'RECOGNIZED' || draft.issuerRecognition.entryId !== entry.id) {
      const reasons = ['NOT_ISSUED_BY_KEY_OWNER', ...draft.verification.reasons];
      results.push(
        refused(
          draft.source,
          reasons,
          `Not stored: verification does not prove this credential was issued by ${entry.name}${draft.verification.reasons.length ? ` (${reasonsInWords(draft.verification.reasons)})` : ''}; a key pushes only its own issuer's credentials.`,
          about,
        ),
      );
      continue;
    }
    accepted.push({ item, at: results.length });
    results.push({
      source: draft.source,
      outcome: 'ADDED',
      reasons: draft.verification.reasons,
      message: addedMessage(draft.verification.status, draft.achievement.name, 'RECOGNIZED', false).replace(
        'in your profile',
        'in the directory',
      ),
      ...about,
      issuerName: entry.name,
      issuerRecognition: 'RECOGNIZED',
    });
  }
  if (accepted.length === 0) return results;

  await deps.exclusive(async () => {
    const keys = accepted.map(({ item }) => (item.prepared.ok ? item.prepared.draft.key : ''));
    const existing = new Set((await runtime.store.credentialsByKey(keys)).map((c) => c.key));
    const deleted = await runtime.store.deletedIdentities(
      accepted.flatMap(({ item }) => (item.prepared.ok ? item.prepared.draft.identityKeys : [])),
    );
    const rejects = new Map<string, Reject>();
    const storing = accepted.filter(({ item, at }) => {
      const draft = item.prepared.ok ? item.prepared.draft : undefined;
      if (!draft) return false;
      if (draft.identityKeys.some((k) => deleted.has(k))) {
        results[at] = refused(
          draft.source,
          ['RECIPIENT_LEFT_DIRECTORY'],
          'Not stored: its recipient deleted their data from the directory.',
        );
        return false;
      }
      if (existing.has(draft.key))
        results[at] = { ...results[at]!, outcome: 'ALREADY_ADDED', message: results[at]!.message.replace(/^Added/, 'Already stored:') };
      return true;
    });
    await ingestPrepared(
      storing.map(({ item }) => item),
      { ...options, onReject: (r) => void rejects.set(r.source, r) },
    );
    for (const { item, at } of storing) {
      const reject = item.prepared.ok ? rejects.get(item.prepared.draft.source) : undefined;
      if (reject)
        results[at] = refused(reject.source, reject.reasons, refusedBecause(reject.reasons), { credentialId: reject.credentialId });
    }
  });
  return results;
}
