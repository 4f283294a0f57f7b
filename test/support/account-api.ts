/**
 * A real API server (Express + Apollo over HTTP, real engine) with accounts,
 * under its own index prefix and its own file outbox, plus helpers to sign
 * in, seed earners and read the messages the server sent.
 */
import { earnerIdDocumentId } from '../../mappings/earner-ids.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { accountIdFor } from '../../api/accounts/identity.ts';
import { hashPassword } from '../../api/accounts/password.ts';
import { apiConfigFromEnv, type ApiConfig } from '../../api/config.ts';
import { startApi, type RunningApi, type StartOptions } from '../../api/main.ts';
import type { AccountDocument, AccountRole } from '../../mappings/accounts.ts';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { defaultDirectorySettings, type DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import { buildEarnerDocument } from '../../mappings/earner-document.ts';
import { aliasName, deleteAllIndices } from '../../mappings/indices.ts';
import type { OutboxMessageDocument } from '../../mappings/outbox.ts';
import { engineClient, engineUrl, uniquePrefix } from './engine.ts';
import { readFileOutbox } from './file-outbox.ts';
import type { GraphqlResult } from './graphql-harness.ts';
import { TEST_NOISE_SECRET } from './report-disclosure.ts';

export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef-0123456789';

export interface HttpGraphqlResult<T> {
  status: number;
  body: GraphqlResult<T>;
  /** The response exactly as sent, for "never appears anywhere" checks. */
  raw: string;
}

export interface AccountApi {
  prefix: string;
  client: Client;
  api: RunningApi;
  config: ApiConfig;
  outboxDir: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<HttpGraphqlResult<T>>;
  /** Signs in over GraphQL and returns the session token. */
  login(email: string, password: string): Promise<string>;
  /** Every message the file outbox holds, oldest first. */
  outbox(): OutboxMessageDocument[];
  cleanup(): Promise<void>;
}

export async function startAccountApi(name: string, env: Record<string, string> = {}, options: StartOptions = {}): Promise<AccountApi> {
  const prefix = env.INDEX_PREFIX ?? uniquePrefix(name);
  const outboxDir = mkdtempSync(join(tmpdir(), `outbox-${name}-`));
  const config = apiConfigFromEnv({
    ELASTICSEARCH_URL: engineUrl(),
    INDEX_PREFIX: prefix,
    PORT: '0',
    LOG_LEVEL: 'error',
    SESSION_SECRET: TEST_SESSION_SECRET,
    REPORT_NOISE_SECRET: TEST_NOISE_SECRET,
    PUBLIC_URL: 'https://talent.test',
    OUTBOX: 'file',
    OUTBOX_DIR: outboxDir,
    ...env,
  });
  const api = await startApi(config, options);
  const client = engineClient();
  const gql: AccountApi['gql'] = async (query, variables = {}, token, headers = {}) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const raw = await response.text();
    return { status: response.status, body: JSON.parse(raw), raw };
  };
  return {
    prefix,
    client,
    api,
    config,
    outboxDir,
    gql,
    async login(email, password) {
      const result = await gql<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      if (!result.body.data?.login) throw new Error(`login failed: ${JSON.stringify(result.body.errors)}`);
      return result.body.data.login.token;
    },
    outbox: () => readFileOutbox(outboxDir),
    async cleanup() {
      await api.close();
      await deleteAllIndices({ client, prefix, replicas: 0 });
      await client.close();
      rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}

/** Writes an account straight into the accounts index (as an operator or the demo seeder would). */
export async function createAccount(
  client: Client,
  prefix: string,
  account: { email: string; role: AccountRole; password: string; organisation?: string; earnerId?: string },
): Promise<AccountDocument> {
  const at = new Date().toISOString();
  const document: AccountDocument = {
    id: accountIdFor(account.email),
    email: account.email,
    role: account.role,
    passwordHash: await hashPassword(account.password),
    ...(account.organisation ? { organisation: account.organisation } : {}),
    ...(account.earnerId ? { earnerId: account.earnerId } : {}),
    sessionVersion: 0,
    createdAt: at,
    updatedAt: at,
  };
  await client.index({ index: aliasName(prefix, 'accounts'), id: document.id, document, refresh: true });
  return document;
}

/** An earner as a test seeds it: credentials to an address, and settings. */
export interface SeedEarner {
  earnerId: string;
  email: string;
  name: string;
  badges: number;
  settings?: Partial<DirectorySettingsDocument>;
}

export function credentialOf(earner: SeedEarner, n: number): CredentialDocument {
  return {
    key: `did:web:college.example urn:uuid:${earner.earnerId}-badge-${n}`,
    id: `urn:uuid:${earner.earnerId}-badge-${n}`,
    earnerId: earner.earnerId,
    identityKeys: [`email:${earner.email}`],
    recipientName: earner.name,
    format: 'ob3-json-ld',
    source: `seeded/${earner.earnerId}`,
    issuer: { id: 'did:web:college.example', name: 'Example College' },
    achievement: {
      id: `https://college.example/badges/skill-${n}`,
      name: `Seeded Skill ${n}`,
      credentialType: 'badge',
      tags: [],
      alignments: [],
    },
    skills: [],
    unmappedSkills: [],
    evidence: [],
    issuedOn: `2026-0${1 + (n % 5)}-01T00:00:00.000Z`,
    verification: { status: 'VERIFIED', reasons: [], method: 'ob3-eddsa-rdfc-2022', checkedAt: '2026-06-01T00:00:00.000Z' },
    authority: ['did:web:college.example'],
    issuerRecognition: { status: 'RECOGNIZED', entryId: 'did:web:college.example', name: 'Example College' },
    raw: Buffer.from(`{"id":"${earner.earnerId}-${n}"}`).toString('base64'),
    ingestedAt: '2026-06-01T00:00:00.000Z',
  };
}

/** Writes credentials, identity links, settings and the earner documents (built by the contract's rule) and refreshes. */
export async function seedEarners(client: Client, prefix: string, earners: readonly SeedEarner[]): Promise<void> {
  const now = new Date('2026-06-01T00:00:00Z');
  const operations: object[] = [];
  for (const earner of earners) {
    const credentials = Array.from({ length: earner.badges }, (_, n) => credentialOf(earner, n));
    const settings: DirectorySettingsDocument = { ...defaultDirectorySettings(earner.earnerId, now), ...earner.settings };
    const document = buildEarnerDocument({
      earnerId: earner.earnerId,
      credentials,
      settings,
      skills: { ancestors: () => [], label: () => undefined },
      pathways: [],
      now,
    });
    for (const c of credentials) operations.push({ index: { _index: aliasName(prefix, 'credentials'), _id: c.key } }, c);
    operations.push({ index: { _index: aliasName(prefix, 'directory-settings'), _id: earner.earnerId } }, settings);
    if (document) operations.push({ index: { _index: aliasName(prefix, 'earners'), _id: earner.earnerId } }, document);
    // The private identity link, as the indexer stores it at ingest.
    const identityKey = `email:${earner.email}`;
    operations.push(
      { index: { _index: aliasName(prefix, 'earner-ids'), _id: earnerIdDocumentId(identityKey) } },
      { identityKey, earnerId: earner.earnerId, assignedAt: now.toISOString() },
    );
  }
  const response = await client.bulk({ operations, refresh: true });
  if (response.errors) throw new Error(`seeding failed: ${JSON.stringify(response.items.find((i) => i.index?.error))}`);
}

/** The token of the newest claim link sent to `email`. */
export function claimTokenFrom(messages: readonly OutboxMessageDocument[], email: string): string | undefined {
  const message = messages.filter((m) => m.kind === 'claim-link' && m.to === email).at(-1);
  return message ? /\/claim\?token=([A-Za-z0-9_-]+)/.exec(message.text)?.[1] : undefined;
}

/** Claims an earner's profile through the real link flow and returns their session token. */
/**
 * Claims the earner's profile with the emailed link. A first claim hides the
 * profile (hidden by default); an earner whose seeded settings were listed
 * then lists themselves again, as the seed intends, unless `keepHidden`.
 */
export async function claimEarner(
  api: AccountApi,
  email: string,
  password = 'earner-password-1',
  { keepHidden = false }: { keepHidden?: boolean } = {},
): Promise<string> {
  const earnerId = await api.client
    .get<{ earnerId: string }>({ index: aliasName(api.prefix, 'earner-ids'), id: earnerIdDocumentId(`email:${email}`) }, { ignore: [404] })
    .then((r) => r._source?.earnerId)
    .catch(() => undefined);
  const seeded = earnerId
    ? await api.client
        .get<{ listed: boolean }>({ index: aliasName(api.prefix, 'directory-settings'), id: earnerId }, { ignore: [404] })
        .then((r) => r._source?.listed ?? false)
        .catch(() => false)
    : false;
  await api.gql('mutation($e: String!) { requestClaimLink(email: $e) { message } }', { e: email });
  // The link is sent after the answer.
  await api.api.idle();
  const token = claimTokenFrom(api.outbox(), email);
  if (!token) throw new Error(`no claim link was sent to ${email}`);
  const result = await api.gql<{ claimProfile: { token: string } }>(
    'mutation($t: String!, $p: String!) { claimProfile(token: $t, password: $p) { token } }',
    { t: token, p: password },
  );
  if (!result.body.data?.claimProfile) throw new Error(`claim failed: ${JSON.stringify(result.body.errors)}`);
  const session = result.body.data.claimProfile.token;
  if (seeded && !keepHidden) {
    const listed = await api.gql('mutation { updateDirectorySettings(input: { listed: true }) { listed } }', {}, session);
    if (listed.body.errors) throw new Error(`listing after the claim failed: ${JSON.stringify(listed.body.errors)}`);
  }
  return session;
}
