/**
 * Attack: an earner's session, or a leaked issuer key, floods the intake
 * (each item is fetched, verified and stored). Now each earner may add
 * INTAKE_EARNER_ITEMS_PER_MINUTE files and links, and each issuer API key
 * may make ISSUER_PUSH_REQUESTS_PER_MINUTE pushes of at most
 * ISSUER_PUSH_CREDENTIALS_PER_MINUTE credentials, counted in one step:
 * 50 simultaneous requests, exactly the limit get through, the rest answer
 * RATE_LIMITED (429 with Retry-After at the push endpoint), and another
 * earner or key is not held back. Real API over HTTP, real intake and engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialIntake } from '../../indexer/intake/intake.ts';
import { type IndexerRuntime } from '../../indexer/runtime/runtime.ts';
import { generateIssuerKey, signOb3Jwt, type IssuerKey } from '../../scripts/demo/signing/sign.ts';
import { intakeRuntime } from '../support/intake-runtime.ts';
import { claimEarner, createAccount, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { uniquePrefix } from '../support/engine.ts';
import { recognizeIssuer, registryEntry } from '../support/issuer-registry.ts';

const ITEMS_PER_MINUTE = 20;
const PUSHES_PER_MINUTE = 10;
const PUSHED_PER_MINUTE = 500;
const PARALLEL = 50;
const BOARD = 'Great Plains Workforce Board';
const ADD = `mutation($input: AddMyCredentialsInput!) { addMyCredentials(input: $input) { added results { outcome } } }`;

let api: AccountApi;
let runtime: IndexerRuntime;
let board: IssuerKey;
let college: IssuerKey;
let rita: string;
let sam: string;

interface RateLimited {
  message: string;
  extensions: { code: string; retryAt?: string };
}

async function badge(key: IssuerKey, email: string, n: number): Promise<string> {
  const credential = ob3Credential(
    key.did,
    { id: `urn:uuid:${email}-${n}`, issuer: { id: key.did, type: ['Profile'], name: BOARD } },
    email,
  ) as {
    credentialSubject: { achievement: Record<string, unknown> };
  };
  credential.credentialSubject.achievement = {
    ...credential.credentialSubject.achievement,
    id: `https://board.example/achievements/a${n}`,
    name: `Badge ${n}`,
  };
  return signOb3Jwt(credential as unknown as Record<string, unknown>, key);
}

const add = (token: string, jwts: string[]) =>
  api.gql<{ addMyCredentials: { added: number } }>(
    ADD,
    { input: { files: jwts.map((jwt, i) => ({ name: `b${i}.jwt`, contentBase64: Buffer.from(jwt).toString('base64') })) } },
    token,
  );

beforeAll(async () => {
  const prefix = uniquePrefix('sec-intake-limit');
  runtime = await intakeRuntime(prefix, { INDEXER_ALLOW_NETWORK: 'false' });
  api = await startAccountApi(
    'sec-intake-limit',
    {
      INDEX_PREFIX: prefix,
      INTAKE_EARNER_ITEMS_PER_MINUTE: String(ITEMS_PER_MINUTE),
      ISSUER_PUSH_REQUESTS_PER_MINUTE: String(PUSHES_PER_MINUTE),
      ISSUER_PUSH_CREDENTIALS_PER_MINUTE: String(PUSHED_PER_MINUTE),
    },
    { intake: createCredentialIntake(runtime) },
  );
  board = await generateIssuerKey(new Uint8Array(32).fill(71));
  college = await generateIssuerKey(new Uint8Array(32).fill(72));
  await recognizeIssuer(runtime.store, registryEntry(board.did, BOARD));
  await recognizeIssuer(runtime.store, registryEntry(college.did, 'River Valley College'));
  await seedEarners(api.client, prefix, [
    { earnerId: 'e-rita', email: 'rita@example.net', name: 'Rita Rush', badges: 1, settings: { listed: true } },
    { earnerId: 'e-sam', email: 'sam@example.net', name: 'Sam Steady', badges: 1, settings: { listed: true } },
  ]);
  rita = await claimEarner(api, 'rita@example.net');
  sam = await claimEarner(api, 'sam@example.net');
}, 120_000);

afterAll(async () => {
  await api?.cleanup();
  await runtime?.close();
});

describe('intake rate limits', () => {
  it(`${PARALLEL} simultaneous adds of one earner: exactly ${ITEMS_PER_MINUTE} go through, another earner is not held back`, async () => {
    const [ritas, sams] = await Promise.all([
      Promise.all(Array.from({ length: PARALLEL }, (_, n) => badge(board, 'rita@example.net', n))),
      Promise.all(Array.from({ length: 3 }, (_, n) => badge(board, 'sam@example.net', n))),
    ]);
    const [answers, samAnswer] = await Promise.all([Promise.all(ritas.map((jwt) => add(rita, [jwt]))), add(sam, sams)]);
    const added = answers.filter((a) => a.body.data?.addMyCredentials.added === 1);
    const limited = answers.filter((a) => a.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(added).toHaveLength(ITEMS_PER_MINUTE);
    expect(limited).toHaveLength(PARALLEL - ITEMS_PER_MINUTE);
    const refusal = limited[0]!.body.errors![0]! as unknown as RateLimited;
    expect(refusal.message).toMatch(/limit of 20 badges \(files and links\) added per minute; try again after/);
    expect(Date.parse(refusal.extensions.retryAt!) - Date.now()).toBeLessThanOrEqual(60_000);
    // Only what passed the limit reached the intake.
    expect(await runtime.store.credentialsOf(['e-rita'])).toHaveLength(ITEMS_PER_MINUTE + 1);
    // Sam's three items at the same moment: all added.
    expect(samAnswer.body.errors).toBeUndefined();
    expect(samAnswer.body.data!.addMyCredentials.added).toBe(3);
    // A request counts its items: 18 more for Sam fit (3 + 17 = 20), 18 do not.
    const more = await Promise.all(Array.from({ length: 18 }, (_, n) => badge(board, 'sam@example.net', 100 + n)));
    expect((await add(sam, more)).body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await add(sam, more.slice(0, 17))).body.data?.addMyCredentials.added).toBe(17);
  });

  describe('issuer push', () => {
    let boardKey: string;
    let collegeKey: string;
    const push = (key: string, items: unknown[]) =>
      fetch(`${api.api.url}/api/issuer/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(items),
      });

    beforeAll(async () => {
      await createAccount(api.client, api.prefix, { email: 'admin@directory.example', role: 'admin', password: 'admin-password-1' });
      const admin = await api.login('admin@directory.example', 'admin-password-1');
      const create = async (issuerId: string) =>
        (
          await api.gql<{ createIssuerApiKey: { secret: string } }>(
            'mutation($i: ID!) { createIssuerApiKey(issuerId: $i, label: "k") { secret } }',
            { i: issuerId },
            admin,
          )
        ).body.data!.createIssuerApiKey.secret;
      boardKey = await create(board.did);
      collegeKey = await create(college.did);
    });

    it(`${PARALLEL} simultaneous pushes with one key: exactly ${PUSHES_PER_MINUTE} taken, the rest 429 with Retry-After; another key unaffected`, async () => {
      const [responses, other] = await Promise.all([
        Promise.all(Array.from({ length: PARALLEL }, () => push(boardKey, ['not a credential']))),
        push(collegeKey, ['not a credential either']),
      ]);
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(PUSHES_PER_MINUTE);
      expect(statuses.filter((s) => s === 429)).toHaveLength(PARALLEL - PUSHES_PER_MINUTE);
      const refused = responses.find((r) => r.status === 429)!;
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = (await refused.json()) as { errors: RateLimited[] };
      expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
      expect(body.errors[0]!.message).toMatch(/limit of 10 pushes and 500 credentials per minute for this API key/);
      expect(other.status).toBe(200);
    });

    it(`counts credentials too: at most ${PUSHED_PER_MINUTE} per key per minute`, async () => {
      // The college key has pushed 1 credential so far (none if its minute has passed meanwhile): 400 + 101 is over either way.
      const junk = (n: number) => Array.from({ length: n }, () => 'x');
      expect((await push(collegeKey, junk(400))).status).toBe(200);
      const over = await push(collegeKey, junk(101));
      expect(over.status).toBe(429);
      expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await push(collegeKey, junk(99))).status).toBe(200);
    });
  });
});
