/**
 * Notes when an issuer API key was last used (`lastUsedAt`, shown to admins
 * by `issuerApiKeys`), after a successful push. At most once a minute per key
 * (judged by this process's last write and the stored value, so a busy key
 * costs one engine write a minute, not one per push), and after the answer:
 * a failed write is logged, never the push's failure.
 */
import type { IssuerApiKeyDocument } from '../../mappings/issuer-api-keys.ts';
import type { Background } from '../background.ts';
import type { IssuerApiKeyStore } from './store.ts';

export const LAST_USED_INTERVAL_MS = 60_000;

export function lastUsedNoter(store: IssuerApiKeyStore, background: Background): (key: IssuerApiKeyDocument, at: Date) => void {
  // One entry per key an admin created: a small, bounded set.
  const written = new Map<string, number>();
  return (key, at) => {
    const stored = key.lastUsedAt ? Date.parse(key.lastUsedAt) : 0;
    if (at.getTime() - Math.max(written.get(key.id) ?? 0, stored) < LAST_USED_INTERVAL_MS) return;
    written.set(key.id, at.getTime());
    background.run('issuer key last use', () => store.noteUse(key.id, at.toISOString()));
  };
}
