/**
 * StatusList2021 and RevocationList2020, each with a list made by Digital
 * Bazaar's own library for it (`@digitalbazaar/vc-status-list` 8.0.1,
 * `@digitalbazaar/vc-revocation-list` 7.0.0), signed with Digital Bazaar's
 * Ed25519Signature2020 suite and the W3C vc-di-eddsa test key
 * (test/support/independent-signer.ts), served over real HTTP on 127.0.0.1.
 *
 * Where the expectations come from: the libraries set bit REVOKED_INDEX and
 * leave CLEAR_INDEX clear, and their own decoders say so (asserted below).
 * StatusList2021 indexes the bitstring from the left: index 0 is the most
 * significant bit of the first byte; RevocationList2020's reference library
 * (the one used here, through @digitalbazaar/bitstring, left to right by
 * default) does the same. CLEAR_INDEX is chosen so that a verifier reading bits in the
 * other order (least significant first) would find it set and say REVOKED.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import * as statusList2021 from '@digitalbazaar/vc-status-list';
import * as revocationList2020 from '@digitalbazaar/vc-revocation-list';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import {
  ED25519_2020_CONTEXT,
  OB3_CONTEXT,
  REVOCATION_LIST_2020_CONTEXT,
  STATUS_LIST_2021_CONTEXT,
  TEST_KEY_DID,
  signWith,
  testKeyPair,
} from '../../support/independent-signer.ts';
import { startIssuerServer, type IssuerServer } from '../../support/issuer-server.ts';

const REVOKED_INDEX = 5;
/** Bit 5 from the left is bit 2 from the right: a right-to-left reader would call this index revoked. */
const CLEAR_INDEX = 2;
const LIST_LENGTH = 16 * 1024;
const NOW = new Date('2026-01-01T00:00:00Z');

interface ListKind {
  name: string;
  context: string;
  /** The unsigned list credential with REVOKED_INDEX set, made by the kind's own library, and that library's reading of a bit. */
  makeList(id: string): Promise<{ credential: Record<string, unknown>; readBit: (encodedList: string, index: number) => Promise<boolean> }>;
  entry(listUrl: string, index: number): Record<string, unknown>;
}

const kinds: ListKind[] = [
  {
    name: 'StatusList2021',
    context: STATUS_LIST_2021_CONTEXT,
    async makeList(id) {
      const list = await statusList2021.createList({ length: LIST_LENGTH });
      list.setStatus(REVOKED_INDEX, true);
      return {
        credential: await statusList2021.createCredential({ id, list, statusPurpose: 'revocation' }),
        readBit: async (encodedList, index) => (await statusList2021.decodeList({ encodedList })).getStatus(index),
      };
    },
    entry: (listUrl, index) => ({
      id: `${listUrl}#${index}`,
      type: 'StatusList2021Entry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: listUrl,
    }),
  },
  {
    name: 'RevocationList2020',
    context: REVOCATION_LIST_2020_CONTEXT,
    async makeList(id) {
      const list = await revocationList2020.createList({ length: LIST_LENGTH });
      list.setRevoked(REVOKED_INDEX, true);
      return {
        credential: await revocationList2020.createCredential({ id, list }),
        readBit: async (encodedList, index) => (await revocationList2020.decodeList({ encodedList })).isRevoked(index),
      };
    },
    entry: (listUrl, index) => ({
      id: `${listUrl}#${index}`,
      type: 'RevocationList2020Status',
      revocationListIndex: String(index),
      revocationListCredential: listUrl,
    }),
  },
];

/** Ed25519Signature2020 by Digital Bazaar's suite with the W3C test key. */
async function sign2020(document: Record<string, unknown>): Promise<Record<string, unknown>> {
  const signer = (await testKeyPair()).signer();
  return signWith(document, new Ed25519Signature2020({ signer, date: '2024-01-01T00:00:00Z' }));
}

function badge(kind: ListKind, listUrl: string, index: number): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', OB3_CONTEXT, kind.context, ED25519_2020_CONTEXT],
    id: `urn:uuid:6c0b7e5a-1d2f-4a8b-9e3c-${kind.name === 'StatusList2021' ? '2021' : '2020'}0000000${index}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: TEST_KEY_DID, type: ['Profile'], name: 'W3C vc-di-eddsa test key' },
    validFrom: '2024-01-01T00:00:00Z',
    name: `${kind.name} badge ${index}`,
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.org/achievements/status',
        type: ['Achievement'],
        name: 'Status checked',
        criteria: { narrative: `Its status is bit ${index} of a ${kind.name} list.` },
      },
    },
    credentialStatus: kind.entry(listUrl, index),
  };
}

describe('StatusList2021 and RevocationList2020 lists made by Digital Bazaar libraries, served over HTTP', { timeout: 60_000 }, () => {
  let server: IssuerServer;
  beforeAll(async () => {
    server = await startIssuerServer();
  });
  afterAll(async () => server.close());

  const read = async (doc: object) =>
    (
      await readCredentials(
        { source: 'status.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) },
        { resolver: createResolver({ cacheTtlMs: 0, allowHosts: [new URL(server.origin).host] }), now: NOW },
      )
    )[0]!;

  for (const kind of kinds) {
    it(`${kind.name}: the set bit is REVOKED, the clear bit VERIFIED, in the specification's bit order`, async () => {
      const listUrl = `${server.origin}/lists/${kind.name}`;
      const { credential: list, readBit } = await kind.makeList(listUrl);
      const encodedList = (list.credentialSubject as { encodedList: string }).encodedList;
      // the library's own reading, and the spec's bit order (left to right) read straight off the bytes
      expect(await readBit(encodedList, REVOKED_INDEX)).toBe(true);
      expect(await readBit(encodedList, CLEAR_INDEX)).toBe(false);
      expect(gunzipSync(Buffer.from(encodedList, 'base64url'))[0]).toBe(0b0000_0100);

      const signedList = await sign2020({
        ...list,
        '@context': [...(list['@context'] as string[]), ED25519_2020_CONTEXT],
        issuer: TEST_KEY_DID,
        issuanceDate: '2024-01-01T00:00:00Z',
      });
      server.serve(`/lists/${kind.name}`, signedList);

      const revoked = await read(await sign2020(badge(kind, listUrl, REVOKED_INDEX)));
      expect(revoked.verification, JSON.stringify(revoked.verification.details)).toMatchObject({
        status: 'FAILED',
        reasons: ['REVOKED'],
        method: 'ob3-ed25519-signature-2020',
      });
      expect(revoked.verification.details).toEqual([`REVOKED: revoked: bit ${REVOKED_INDEX} of status list ${listUrl} is set`]);

      const clear = await read(await sign2020(badge(kind, listUrl, CLEAR_INDEX)));
      expect(clear.verification, JSON.stringify(clear.verification.details)).toMatchObject({
        status: 'VERIFIED',
        reasons: [],
        method: 'ob3-ed25519-signature-2020',
      });
    });

    it(`${kind.name}: a list whose bits were changed after signing is not trusted (STATUS_UNREACHABLE, not VERIFIED)`, async () => {
      const listUrl = `${server.origin}/lists/${kind.name}-tampered`;
      const { credential: list } = await kind.makeList(listUrl);
      const signedList = await sign2020({
        ...list,
        '@context': [...(list['@context'] as string[]), ED25519_2020_CONTEXT],
        issuer: TEST_KEY_DID,
        issuanceDate: '2024-01-01T00:00:00Z',
      });
      // swap in a list with no bit set (same length, same encoding): the signature no longer covers the bits
      (signedList.credentialSubject as { encodedList: string }).encodedList = gzipSync(new Uint8Array(LIST_LENGTH / 8)).toString(
        'base64url',
      );
      server.serve(`/lists/${kind.name}-tampered`, signedList);
      const c = await read(await sign2020(badge(kind, listUrl, REVOKED_INDEX)));
      expect(c.verification).toMatchObject({ status: 'UNVERIFIED', reasons: ['STATUS_UNREACHABLE'] });
    });
  }
});
