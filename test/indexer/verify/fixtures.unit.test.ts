/**
 * Every case in the fixtures README table (1EdTech's own expectations),
 * resolved offline as the README describes.
 */
import { describe, expect, it } from 'vitest';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import type { ReasonCode, VerificationMethod, VerificationStatus } from '../../../indexer/verify/types.ts';
import { fixtureResolver, readFixture } from '../../support/credential-fixtures.ts';
import { loadTaxonomy } from '../../../indexer/taxonomy/index.ts';
import { verifyReportLine } from '../../../indexer/verify/report.ts';
import { registryEntry } from '../../support/issuer-registry.ts';

const taxonomy = loadTaxonomy();

interface Case {
  file: string;
  status: VerificationStatus;
  /** Reason the README names; for FAILED cases it must be among the reasons. */
  reason?: ReasonCode;
  method?: VerificationMethod;
  /** How many credentials the file holds (a CLR may hold several). */
  count?: number;
}

const RECIPIENT = 'nobody@example.org';

const cases: Case[] = [
  { file: 'ob20/basic-assertion.json', status: 'VERIFIED', method: 'ob2-hosted' },
  { file: 'ob20/simple.jwt', status: 'VERIFIED', method: 'ob2-signed' },
  { file: 'ob20/simple-not-revoked.jwt', status: 'VERIFIED', method: 'ob2-signed' },
  { file: 'ob20/simple-badge.png', status: 'VERIFIED', method: 'ob2-hosted' },
  { file: 'ob20/basic-assertion-no-public-key.json', status: 'VERIFIED', method: 'ob2-hosted' },
  { file: 'ob20/assertion-with-endorsements.json', status: 'VERIFIED', method: 'ob2-hosted' },
  { file: 'ob20/simple-revoked.jwt', status: 'FAILED', reason: 'REVOKED' },
  { file: 'ob20/basic-assertion-expired.json', status: 'FAILED', reason: 'EXPIRED' },
  { file: 'ob20/basic-assertion-expired-before-issued.json', status: 'FAILED', reason: 'MALFORMED' },
  { file: 'ob20/basic-assertion-in-future.json', status: 'FAILED', reason: 'NOT_YET_VALID' },
  { file: 'ob20/basic-assertion-invalid-context.json', status: 'FAILED', reason: 'MALFORMED' },
  { file: 'ob20/basic-assertion-invalid-type.json', status: 'FAILED', reason: 'MALFORMED' },
  { file: 'ob20/basic-assertion-with-allowed-origins-invalid-starts-with.json', status: 'FAILED', reason: 'OUT_OF_SCOPE' },
  { file: 'ob20/basic-assertion-with-allowed-origins-valid-starts-with.json', status: 'VERIFIED' },
  { file: 'ob30/simple.json', status: 'VERIFIED', method: 'ob3-eddsa-rdfc-2022' },
  { file: 'ob30/simple-did-key-method.json', status: 'VERIFIED', method: 'ob3-eddsa-rdfc-2022' },
  { file: 'ob30/simple-did-web-method.json', status: 'VERIFIED' },
  { file: 'ob30/simple_v1.json', status: 'VERIFIED', method: 'ob3-ed25519-signature-2020' },
  { file: 'ob30/simple-json.png', status: 'VERIFIED', method: 'ob3-eddsa-rdfc-2022' },
  { file: 'ob30/simple-json.svg', status: 'VERIFIED', method: 'ob3-eddsa-rdfc-2022' },
  { file: 'ob30/simple-jwt.png', status: 'VERIFIED', method: 'ob3-vc-jwt' },
  { file: 'ob30/simple-jwt.svg', status: 'VERIFIED', method: 'ob3-vc-jwt' },
  { file: 'ob30/simple-err-expired.json', status: 'FAILED', reason: 'EXPIRED' },
  { file: 'ob30/simple-err-issued.json', status: 'FAILED', reason: 'NOT_YET_VALID' },
  { file: 'ob30/simple-err-proof-value.json', status: 'FAILED', reason: 'BAD_SIGNATURE' },
  { file: 'ob30/simple-err-proof-method.json', status: 'FAILED', reason: 'UNKNOWN_KEY' },
  { file: 'ob30/simple-err-proof-method-unknown-did-method.json', status: 'FAILED', reason: 'UNKNOWN_KEY' },
  { file: 'ob30/simple-err-proof-method-unknown-scheme.json', status: 'FAILED', reason: 'UNKNOWN_KEY' },
  { file: 'ob30/simple-err-proof-method-no-scheme.json', status: 'FAILED', reason: 'UNKNOWN_KEY' },
  { file: 'ob30/simple-noproof.json', status: 'FAILED', reason: 'NO_PROOF' },
  { file: 'ob30/bit-string-list/credential-status-revoked.json', status: 'FAILED', reason: 'REVOKED' },
  { file: 'clr20/simple.json', status: 'VERIFIED', method: 'clr', count: 1 },
  { file: 'clr20/simple-noproof.json', status: 'FAILED', reason: 'NO_PROOF', count: 1 },
];

/** A hosted OB 2.0 JSON fixture is served at its own id; everything else uses the basic assertion there. */
function resolverFor(file: string) {
  return fixtureResolver(file.startsWith('ob20/') && file.endsWith('.json') ? file : 'ob20/basic-assertion.json');
}

describe('1EdTech fixtures give their expected outcome', { timeout: 30_000 }, () => {
  it.each(cases)('$file -> $status $reason', async ({ file, status, reason, method, count }) => {
    const credentials = await readCredentials(
      { source: file, bytes: readFixture(file) },
      { resolver: resolverFor(file), recipient: RECIPIENT },
    );
    expect(credentials).toHaveLength(count ?? 1);
    for (const credential of credentials) {
      const { verification } = credential;
      expect(verification.status, JSON.stringify(verification.details)).toBe(status);
      if (status === 'VERIFIED') expect(verification.reasons).toEqual([]);
      if (reason) {
        expect(verification.reasons).toContain(reason);
        expect(verification.details?.some((d) => d.startsWith(reason) || d.includes(`${reason}:`))).toBe(true);
      }
      if (method) expect(verification.method).toBe(method);
      expect(Number.isNaN(Date.parse(verification.checkedAt))).toBe(false);
      // No registry lists 1EdTech's test issuers: whatever the status, the issuer is not recognized.
      expect(verifyReportLine(credential, taxonomy).issuerRecognition).toBe('UNKNOWN');
    }
  });

  it('reports a recipient mismatch for another email on a hashed OB 2.0 identity', async () => {
    const [credential] = await readCredentials(
      { source: 'ob20/basic-assertion.json', bytes: readFixture('ob20/basic-assertion.json') },
      { resolver: resolverFor('ob20/basic-assertion.json'), recipient: 'somebody-else@example.org' },
    );
    expect(credential?.verification.status).toBe('FAILED');
    expect(credential?.verification.reasons).toEqual(['RECIPIENT_MISMATCH']);
  });
});

describe('issuer recognition of fixtures (verify --json)', { timeout: 30_000 }, () => {
  const DID = 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
  const registry = [registryEntry(DID, 'Andy Miller Academy (registry name)')];

  it('recognizes a credential whose verifying did:key a registry lists, naming the entry', async () => {
    const [credential] = await readCredentials(
      { source: 'f', bytes: readFixture('ob30/simple-did-key-method.json') },
      { resolver: resolverFor('ob30/simple-did-key-method.json') },
    );
    const line = verifyReportLine(credential!, taxonomy, registry);
    expect(line).toMatchObject({
      status: 'VERIFIED',
      issuerRecognition: 'RECOGNIZED',
      registryEntry: { id: DID, name: 'Andy Miller Academy (registry name)', status: 'RECOGNIZED' },
    });
    expect(line.authority).toContain(DID);
  });

  it('never recognizes a key that only names itself, nor a copy whose signature fails', async () => {
    // ob30/simple.json signs with a key embedded in its own id: it proves that someone signed, not who.
    const listed = [registryEntry('https://example.com/issuers/876543', 'Example Corp', { origins: ['https://example.com'] })];
    for (const file of ['ob30/simple.json', 'ob30/simple-err-proof-value.json']) {
      const [credential] = await readCredentials({ source: file, bytes: readFixture(file) }, { resolver: resolverFor(file) });
      expect(verifyReportLine(credential!, taxonomy, listed)).toMatchObject({ authority: [], issuerRecognition: 'UNKNOWN' });
    }
  });
});

describe('normalized content of fixtures', { timeout: 30_000 }, () => {
  it('normalizes a hosted OB 2.0 assertion with its badge class and issuer', async () => {
    const [credential] = await readCredentials(
      { source: 'ob20/basic-assertion.json', bytes: readFixture('ob20/basic-assertion.json') },
      { resolver: resolverFor('ob20/basic-assertion.json'), recipient: RECIPIENT },
    );
    expect(credential).toMatchObject({
      id: 'https://example.org/beths-robotics-badge.json',
      format: 'ob2-hosted',
      source: 'ob20/basic-assertion.json',
      recipient: { type: 'email', identity: RECIPIENT, hashed: true, salt: 'deadsea' },
      issuer: {
        id: 'https://example.org/organization.json',
        name: 'An Example Badge Issuer',
        url: 'https://example.org',
        email: 'contact@example.org',
      },
      achievement: {
        id: 'https://example.org/robotics-badge.json',
        name: 'Awesome Robotics Badge',
        image: 'https://example.org/robotics-badge.png',
        tags: [],
        alignments: [],
      },
      evidence: [{ id: 'https://example.org/beths-robot-work.html', url: 'https://example.org/beths-robot-work.html' }],
      issuedOn: '2016-12-31T23:59:59Z',
    });
  });

  it('keeps a hashed identity hashed when no recipient is given', async () => {
    const [credential] = await readCredentials(
      { source: 'ob20/simple.jwt', bytes: readFixture('ob20/simple.jwt') },
      { resolver: resolverFor('ob20/simple.jwt') },
    );
    expect(credential?.recipient).toEqual({
      type: 'hashed-email',
      identity: 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942',
      hashed: true,
      salt: 'deadsea',
    });
  });

  it('extracts achievement alignments, type and evidence of ob30/complete.json (skills parsing case)', async () => {
    const [credential] = await readCredentials(
      { source: 'ob30/complete.json', bytes: readFixture('ob30/complete.json') },
      { resolver: resolverFor('ob30/complete.json') },
    );
    expect(credential?.format).toBe('ob3-json-ld');
    expect(credential?.achievement.type).toBe('Degree');
    expect(credential?.achievement.alignments).toEqual([
      expect.objectContaining({
        targetFramework: '1EdTech University Program and Course Catalog',
        targetCode: 'degree',
        targetType: 'CFItem',
        targetUrl: 'https://1edtech.edu/catalog/degree',
      }),
      expect.objectContaining({
        targetFramework: '1EdTech University Program and Course Catalog',
        targetCode: 'degree',
        targetType: 'CTDL',
      }),
    ]);
    expect(credential?.recipient).toMatchObject({ type: 'email', identity: 'student@1edtech.edu', hashed: false });
    expect(credential?.issuer).toMatchObject({ id: 'https://1edtech.edu/issuers/565049', name: '1EdTech University' });
    expect(credential?.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Final Project Report', url: 'https://1edtech.edu/credentials/3732/evidence/1' }),
        expect.objectContaining({ name: 'Final Project Code', url: 'https://github.com/somebody/project' }),
        // Results: the description's name with the value, or the rubric level achieved.
        { kind: 'result', name: 'Final Project Grade', narrative: 'A' },
      ]),
    );
    expect(credential?.evidence.filter((e) => e.kind === 'result').length).toBeGreaterThanOrEqual(2);
    // its revocation list lives on a host the offline resolver does not cover
    expect(credential?.verification.reasons).toContain('STATUS_UNREACHABLE');
  });

  it('unpacks a CLR into its inner credential with a `<source>#<index>` source', async () => {
    const credentials = await readCredentials(
      { source: 'clr20/simple.json', bytes: readFixture('clr20/simple.json') },
      { resolver: resolverFor('clr20/simple.json') },
    );
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({
      id: 'http://example.com/credentials/3527',
      format: 'clr',
      source: 'clr20/simple.json#0',
      issuer: { id: 'https://example.com/issuers/876543', name: 'Example Corp' },
      achievement: { name: 'Teamwork', criteria: expect.stringContaining('Team members are nominated') },
      recipient: { type: 'did', identity: 'did:example:ebfeb1f712ebc6f1c276e12ec21' },
      issuedOn: '2010-01-01T00:00:00Z',
    });
  });
});
