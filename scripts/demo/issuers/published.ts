/**
 * What the issuers publish besides the credentials: OB 2.0 issuer profiles,
 * badge classes, keys and revocation lists; OB 3.0 achievements, 1EdTech
 * revocation lists and signed Bitstring Status Lists; badge images. Keyed by
 * URL path under the issuer base URL, as the exact text to serve.
 */
import { signOb3DataIntegrity } from '../signing/sign.ts';
import {
  issuerImage,
  ob2BadgeClass,
  ob2CryptographicKey,
  ob2IssuerProfile,
  ob2RevocationList,
  ob3AchievementDocument,
  ob3RevocationList,
  ob3StatusListCredential,
} from './documents.ts';
import { keysFor, type IssuerSetup } from './issuers.ts';
import type { PlannedBadge } from '../data/plan.ts';
import type { HostedDocuments } from '../types.ts';
import type { DemoUrls } from '../urls.ts';

/** Documents every issuer publishes, for the planned badges (revocations follow the plan). */
export async function publishedDocuments(
  setups: readonly IssuerSetup[],
  badges: readonly PlannedBadge[],
  urls: DemoUrls,
  now: Date,
): Promise<HostedDocuments> {
  const hosted: HostedDocuments = new Map();
  const put = (url: string, document: unknown): void => {
    hosted.set(urls.pathOf(url), typeof document === 'string' ? document : JSON.stringify(document));
  };
  for (const setup of setups) {
    const slug = setup.definition.slug;
    const own = badges.filter((b) => b.issuerIndex === setup.index);
    const revoked = own.filter((b) => b.defect === 'REVOKED');
    if (setup.achievements.some((a) => a.imageUrl)) put(urls.image(slug), issuerImage(setup));
    if (setup.definition.method.startsWith('ob2-')) {
      put(urls.ob2Issuer(slug), ob2IssuerProfile(setup, urls));
      for (const achievement of setup.achievements) put(achievement.id, ob2BadgeClass(achievement, setup));
      put(urls.ob2RevocationList(slug), ob2RevocationList(setup, urls, revoked));
      if (setup.definition.method === 'ob2-signed')
        put(urls.ob2Key(slug), ob2CryptographicKey(setup, urls, (await keysFor(setup)).rsa!.publicKeyPem));
      continue;
    }
    for (const achievement of setup.achievements) put(achievement.id, ob3AchievementDocument(achievement));
    if (setup.summary.revocation === '1edtech') put(urls.ob3RevocationList(slug), ob3RevocationList(setup, urls, revoked));
    else {
      const list = ob3StatusListCredential(setup, urls, own.length, revoked, now.toISOString());
      // the verifier trusts a status list only when its issuer's proof verifies
      put(
        urls.ob3StatusList(slug),
        await signOb3DataIntegrity(list, (await keysFor(setup)).ed25519!, { cryptosuite: 'eddsa-rdfc-2022', date: now }),
      );
    }
  }
  return hosted;
}
