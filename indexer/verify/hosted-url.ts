/** A hosted assertion given only by its URL (baked into an image): OB 1.0/1.1 or OB 2.0, told apart by what the URL serves. */
import { looksLikeOb1, verifyOb1Hosted } from './ob1.ts';
import { verifyOb2HostedUrl, type Ob2Outcome } from './ob2.ts';
import { loadNode } from './remote.ts';
import type { VerifyOptions } from './types.ts';

export async function verifyHostedUrl(url: string, options: VerifyOptions): Promise<Ob2Outcome> {
  const loaded = await loadNode(url, 'baked assertion URL', options.resolver, 'ISSUER_UNREACHABLE', 'NOT_FOUND');
  if (loaded.ok && looksLikeOb1(loaded.doc)) return verifyOb1Hosted(loaded.doc, options);
  // the resolver's cache serves the second fetch
  return verifyOb2HostedUrl(url, options);
}
