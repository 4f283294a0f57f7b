/**
 * The demo's one issuer that no registry lists: a self-signed did:key
 * "QuickCert Skills Mill" that gives a few listed demo earners a badge. Its
 * credentials verify (the signature is fine) but the issuer is not
 * recognized, so they show what employers see of such badges: nothing by
 * default, and "issuer not recognized" where a search asks for them. They
 * carry no skills and are not part of the generator's records (the ground
 * truth of recognized issuers' badges).
 */
import { generateIssuerKey, signOb3Jwt } from '../signing/sign.ts';
import type { InputUnit } from '../../../indexer/ingest/inputs.ts';
import { OB3_CONTEXT, VC_V2_CONTEXT } from './documents.ts';
import { digest } from '../data/prng.ts';
import type { DemoDataset } from '../types.ts';

export const UNKNOWN_DEMO_ISSUER = {
  name: 'QuickCert Skills Mill',
  homepage: 'https://quickcert-skills-mill.example',
  badge: 'Instant Professional Diploma',
};

/** Signed credentials of the unknown issuer for the first `count` listed earners (by earner id). */
export async function unknownIssuerUnits(dataset: DemoDataset, count = 5): Promise<InputUnit[]> {
  const key = await generateIssuerKey(digest(dataset.options.seed, 'ed25519', 'quickcert-skills-mill').subarray(0, 32));
  const earners = dataset.records
    .filter((r) => r.listed)
    .sort((a, b) => a.earnerId.localeCompare(b.earnerId))
    .slice(0, count);
  return Promise.all(
    earners.map(async (earner, i) => {
      const credential = {
        '@context': [VC_V2_CONTEXT, OB3_CONTEXT],
        id: `urn:uuid:${digest(dataset.options.seed, 'quickcert', i)
          .toString('hex')
          .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5')}`,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: key.did, type: ['Profile'], name: UNKNOWN_DEMO_ISSUER.name, url: UNKNOWN_DEMO_ISSUER.homepage },
        validFrom: dataset.options.now.toISOString(),
        name: UNKNOWN_DEMO_ISSUER.badge,
        credentialSubject: {
          type: ['AchievementSubject'],
          identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: earner.email }],
          achievement: {
            id: `${UNKNOWN_DEMO_ISSUER.homepage}/badges/instant-diploma`,
            type: ['Achievement'],
            achievementType: 'Certificate',
            name: UNKNOWN_DEMO_ISSUER.badge,
            description: 'Awarded on payment; no assessment.',
            criteria: { narrative: 'None.' },
          },
        },
      };
      return {
        kind: 'credential' as const,
        source: `demo/unknown-issuer.jsonl:${i + 1}`,
        bytes: Buffer.from(await signOb3Jwt(credential, key)),
      };
    }),
  );
}
