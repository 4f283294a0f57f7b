/**
 * After the registry changes, the credentials it may concern are judged
 * again and their earners' documents rebuilt, so a suspension takes an
 * issuer's badges out of default search (and an approval brings them in) as
 * soon as the command ends.
 */
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { affectedCredentialsQuery, recognize } from '../../mappings/issuer-recognition.ts';
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import { refreshEarners, type EarnerContext } from '../earners/refresh.ts';

export interface Reevaluation {
  /** Credentials whose recognition changed. */
  credentials: number;
  earners: number;
}

const same = (a: CredentialDocument['issuerRecognition'], b: CredentialDocument['issuerRecognition']) =>
  JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

export async function reevaluateRecognition(
  ctx: EarnerContext,
  changed: readonly Pick<IssuerRegistryDocument, 'id' | 'dids' | 'keys' | 'origins' | 'ids'>[],
): Promise<Reevaluation> {
  if (changed.length === 0) return { credentials: 0, earners: 0 };
  await ctx.store.refresh('issuers');
  const registry = await ctx.store.registry();
  const query = { bool: { should: changed.map(affectedCredentialsQuery), minimum_should_match: 1 } };
  const updates: CredentialDocument[] = [];
  for await (const { doc } of ctx.store.scan<CredentialDocument>('credentials', query)) {
    const recognition = recognize(doc.authority ?? [], registry);
    if (!same(doc.issuerRecognition, recognition)) updates.push({ ...doc, issuerRecognition: recognition });
  }
  if (updates.length === 0) return { credentials: 0, earners: 0 };
  const result = await ctx.store.write(
    'credentials',
    updates.map((c) => ({ id: c.key, document: c })),
    { refresh: true },
  );
  if (result.rejected.length > 0)
    throw new Error(`the engine rejected credentials: ${result.rejected.map((r) => `${r.id}: ${r.reason}`).join('; ')}`);
  const earners = [...new Set(updates.map((c) => c.earnerId))];
  await refreshEarners(ctx, earners, { refresh: true });
  return { credentials: updates.length, earners: earners.length };
}
