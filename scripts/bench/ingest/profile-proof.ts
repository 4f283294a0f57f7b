/**
 * `npm run bench:proof`: where one Data Integrity verification
 * (`eddsa-rdfc-2022`, the W3C specification's signed test vector) spends its
 * time, measured in this process: the whole `jsonld-signatures` verification,
 * then its stages alone: JSON-LD expansion, expansion + RDF conversion,
 * expansion + RDF + RDFC-1.0 canonicalization, SHA-256 and the Ed25519 check.
 * Contexts come from the pinned set (never fetched), the key from the test
 * vector's multikey: what remains is CPU.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import { createPinnedLoader } from '../../../indexer/verify/document-loader.ts';
import { keyDocumentFor, verificationSuites } from '../../../indexer/verify/suites.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/w3c-vc-di-eddsa/eddsa-rdfc-2022-signedDataInt.json');
const ITERATIONS = Number(process.argv[2] ?? 200);

const credential = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown> & { proof: Record<string, string> };
const vm = credential.proof.verificationMethod!;
const multikey = vm.slice(vm.indexOf('#') + 1);
const keyDocument = keyDocumentFor('ob3-eddsa-rdfc-2022', { id: vm, controller: String(credential.issuer), publicKeyMultibase: multikey });
const loader = createPinnedLoader(new Map([[vm, keyDocument]]));
const { proof, ...unsigned } = credential;
const proofConfig = {
  '@context': credential['@context'],
  ...Object.fromEntries(Object.entries(proof).filter(([k]) => k !== 'proofValue')),
};

// An Ed25519 public key as the suite sees it: the multikey's 32 raw bytes (after the 0xed01 header), checked by node's crypto.
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(text: string): Buffer {
  let n = 0n;
  for (const ch of text) n = n * 58n + BigInt(BASE58.indexOf(ch));
  const hex = n.toString(16);
  const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  const zeros = text.match(/^1*/)![0].length;
  return Buffer.concat([Buffer.alloc(zeros), bytes]);
}
const raw = base58(multikey.slice(1)).subarray(2);
const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
const signature = base58(proof.proofValue!.slice(1));
const message = Buffer.alloc(64, 7);

async function time(name: string, work: () => Promise<unknown> | unknown): Promise<{ name: string; ms: number }> {
  for (let i = 0; i < 5; i++) await work();
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) await work();
  return { name, ms: (performance.now() - started) / ITERATIONS };
}

const options = { documentLoader: loader.load, safe: true };
const rows = [
  await time('whole verification (jsonld-signatures, eddsa-rdfc-2022)', async () => {
    const result = await jsigs.verify(credential, {
      suite: verificationSuites(),
      purpose: new jsigs.purposes.AssertionProofPurpose({ controller: { id: String(credential.issuer), assertionMethod: [vm] } }),
      documentLoader: loader.load,
    });
    if (!result.verified) throw new Error(`the test vector did not verify: ${String(result.error)}`);
  }),
  await time('JSON-LD expansion of the credential', () => jsonld.expand(unsigned, options)),
  await time('expansion + RDF of the credential', () => jsonld.toRDF(unsigned, options)),
  await time('expansion + RDF + RDFC-1.0 of the credential', () =>
    jsonld.canonize(unsigned, { ...options, algorithm: 'RDFC-1.0', format: 'application/n-quads' }),
  ),
  await time('expansion + RDF + RDFC-1.0 of the proof options', () =>
    jsonld.canonize(proofConfig, { ...options, algorithm: 'RDFC-1.0', format: 'application/n-quads' }),
  ),
  await time('SHA-256 of 2 canonical documents', () => {
    createHash('sha256').update(JSON.stringify(unsigned)).digest();
    createHash('sha256').update(JSON.stringify(proofConfig)).digest();
  }),
  await time('Ed25519 signature check (node crypto)', () => verifySignature(null, message, publicKey, signature)),
];
const whole = rows[0]!.ms;
console.log(`bench:proof  ${ITERATIONS} iterations each after 5 warm-up, one process, Node ${process.version}`);
for (const { name, ms } of rows)
  console.log(`${name.padEnd(56)} ${ms.toFixed(3).padStart(8)} ms  ${((ms / whole) * 100).toFixed(0).padStart(4)}%`);
