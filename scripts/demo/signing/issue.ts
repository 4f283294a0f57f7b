/**
 * Signs one planned badge the way its issuer does, and breaks it afterwards
 * when the plan says so (a field changed after signing). Returns the credential
 * as text: JSON for JSON-LD credentials and hosted assertions, the compact JWS
 * for VC-JWTs and signed OB 2.0 assertions.
 */
import { z } from 'zod';
import { signOb2Assertion, signOb3DataIntegrity, signOb3Jwt } from './sign.ts';
import { ob2Assertion, ob3Credential } from '../issuers/documents.ts';
import type { IssuerKeys, IssuerSetup } from '../issuers/issuers.ts';
import type { PlannedBadge } from '../data/plan.ts';
import type { DemoUrls } from '../urls.ts';

/** One issued credential. */
export interface IssuedCredential {
  /** The credential as read by the indexer (JSON text or compact JWS). */
  text: string;
  /** True when `text` is a compact JWS (written to credentials.jsonl as a JSON string). */
  jws: boolean;
  /** Hosted OB 2.0 assertions are also served at their id. */
  hostedPath?: string;
}

/** The change made after signing: it touches neither recipient, dates nor skills, so only the signature breaks. */
const TAMPERED_SUFFIX = ' (Honors)';

function tamperJws(jws: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jws.split('.');
  const decoded = z.record(z.string(), z.unknown()).parse(JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')));
  change(decoded);
  return [header, Buffer.from(JSON.stringify(decoded)).toString('base64url'), signature].join('.');
}

export async function issueBadge(badge: PlannedBadge, setup: IssuerSetup, keys: IssuerKeys, urls: DemoUrls): Promise<IssuedCredential> {
  const tampered = badge.defect === 'BAD_SIGNATURE';
  const date = new Date(badge.issuedOn);
  switch (setup.definition.method) {
    case 'ob3-eddsa-rdfc-2022':
    case 'ob3-ed25519-signature-2020': {
      const cryptosuite = setup.definition.method === 'ob3-eddsa-rdfc-2022' ? 'eddsa-rdfc-2022' : 'Ed25519Signature2020';
      const signed = await signOb3DataIntegrity(ob3Credential(badge, setup, urls), keys.ed25519!, { cryptosuite, date });
      if (tampered) signed.name = `${String(signed.name)}${TAMPERED_SUFFIX}`;
      return { text: JSON.stringify(signed), jws: false };
    }
    case 'ob3-vc-jwt': {
      const jwt = await signOb3Jwt(ob3Credential(badge, setup, urls), keys.ed25519!);
      return { text: tampered ? tamperJws(jwt, (c) => (c.name = `${String(c.name)}${TAMPERED_SUFFIX}`)) : jwt, jws: true };
    }
    case 'ob2-signed': {
      const jws = await signOb2Assertion(ob2Assertion(badge, setup, urls), keys.rsa!.privateKey);
      return { text: tampered ? tamperJws(jws, (a) => (a.narrative = 'Completed with distinction.')) : jws, jws: true };
    }
    case 'ob2-hosted': {
      const assertion = ob2Assertion(badge, setup, urls);
      return { text: JSON.stringify(assertion), jws: false, hostedPath: urls.pathOf(badge.credentialId) };
    }
  }
}
