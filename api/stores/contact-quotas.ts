/**
 * The contact-quotas index: per-employer counters. `reserve` reads the
 * counter with its version, decides, and writes it back only if it is
 * unchanged (`if_seq_no`/`if_primary_term`, or `create` for the first one);
 * a conflict means another request won the race, so it reads again.
 */
import type { Client } from '@elastic/elasticsearch';
import type { ContactQuotaDocument } from '../../mappings/contact-quotas.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { QuotaDecision } from '../contacts/rate-limit.ts';
import type { Logger } from '../log.ts';
import { engineGuard, isConflict } from './guard.ts';
import { getVersioned, replaceIfUnchanged } from './versioned.ts';

/** Enough for hundreds of simultaneous requests of one employer; each round lets exactly one through. */
const MAX_ATTEMPTS = 200;

export interface ContactQuotaStore {
  /** Applies `decide` to the employer's stored send times atomically; returns the decision that was stored. */
  reserve(employerAccountId: string, decide: (sentAt: readonly string[]) => QuotaDecision, now: Date): Promise<QuotaDecision>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createContactQuotaStore(client: Client, indexPrefix: string, log: Logger): ContactQuotaStore {
  const index = aliasName(indexPrefix, 'contact-quotas');
  const guard = engineGuard(log);

  async function created(document: ContactQuotaDocument): Promise<boolean> {
    try {
      await client.create({ index, id: document.employerAccountId, document });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  return {
    reserve: (employerAccountId, decide, now) =>
      guard(async () => {
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          const read = await getVersioned<ContactQuotaDocument>(client, index, employerAccountId);
          const decision = decide(read?.doc.sentAt ?? []);
          if (!decision.allowed) return decision;
          const document: ContactQuotaDocument = { employerAccountId, sentAt: decision.sentAt, updatedAt: now.toISOString() };
          const stored = read ? await replaceIfUnchanged(client, index, employerAccountId, read, document) : await created(document);
          if (stored) return decision;
          // Lost the race: a short random pause spreads the next round of readers.
          await pause(Math.random() * Math.min(50, 2 + attempt * 2));
        }
        throw new Error(`contact quota of ${employerAccountId}: still contended after ${MAX_ATTEMPTS} attempts`);
      }),
  };
}
