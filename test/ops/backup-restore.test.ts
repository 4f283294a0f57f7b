/**
 * Issue 13 item 1: backups that restore. On an engine with a snapshot folder
 * (`backup-engine.ts`: the shared one, or one of the file's own): accounts, a
 * claimed profile, an opt-out, a contact request; `npm run backup`; a restore
 * refused while the API is live; the data lost (every index, alias and the
 * repository registration gone, as on an empty node); `npm run restore`; then
 * everything is back and search agrees with the restored settings.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineClient } from '../../mappings/connection.ts';
import { aliasName, ensureAllIndices, RECORD_KINDS } from '../../mappings/indices.ts';
import { claimEarner, createAccount, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { uniquePrefix } from '../support/engine.ts';
import { backupEngine, type BackupEngine } from '../support/backup-engine.ts';
import { startOutageProxy } from '../support/outage-proxy.ts';
import { indexerConfigFromEnv } from '../../indexer/config.ts';
import { indexerJobs } from '../../indexer/jobs/indexer-jobs.ts';
import { createRuntime } from '../../indexer/runtime/runtime.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const prefix = uniquePrefix('backup');
const SEARCH = 'query($input: EarnerSearchInput!) { searchEarners(input: $input) { total nodes { earner { id } } } }';
let engine: BackupEngine;
let client: Client;
let api: AccountApi | undefined;

/** The command as an operator runs it, asynchronously: the API under test lives in this process and must keep answering. */
function cli(
  command: 'backup' | 'restore',
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'indexer/backup/cli.ts', command, ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ELASTICSEARCH_URL: engine.url,
          INDEX_PREFIX: prefix,
          BACKUP_DIR: engine.backupDir,
          BACKUP_REPOSITORY: `${prefix}-repo`,
          API_URLS: 'http://127.0.0.1:9',
          ...extraEnv,
        },
        timeout: 240_000,
      },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const kind of RECORD_KINDS) {
    await client.indices.refresh({ index: aliasName(prefix, kind) });
    out[kind] = (await client.count({ index: aliasName(prefix, kind) })).count;
  }
  return out;
}

async function visibleEarners(token: string): Promise<string[]> {
  const result = await api!.gql<{ searchEarners: { nodes: { earner: { id: string } }[] } }>(SEARCH, { input: { first: 50 } }, token);
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.searchEarners.nodes.map((n) => n.earner.id).sort();
}

beforeAll(async () => {
  engine = await backupEngine({ name: 'backup-restore', ownPort: 9310, prefix, repository: `${prefix}-repo` });
  client = createEngineClient({ url: engine.url });
  await ensureAllIndices({ client, prefix, replicas: 0 });
}, 300_000);

afterAll(async () => {
  await api?.cleanup().catch(() => undefined);
  await client?.close();
  await engine?.close();
}, 120_000);

describe('backup and restore', () => {
  let before: Record<string, number>;
  let visibleBefore: string[];

  it("records people's choices and backs them up", async () => {
    await seedEarners(client, prefix, [
      { earnerId: 'earner-ann', email: 'ann@example.org', name: 'Ann Optout', badges: 2, settings: { listed: true } },
      {
        earnerId: 'earner-bob',
        email: 'bob@example.org',
        name: 'Bob Contactable',
        badges: 1,
        settings: { listed: true, contactable: true, contactChannel: 'email', contactValue: 'bob-private@example.org' },
      },
      { earnerId: 'earner-cy', email: 'cy@example.org', name: 'Cy Listed', badges: 3, settings: { listed: true } },
    ]);
    api = await startAccountApi('backup', { ELASTICSEARCH_URL: engine.url, INDEX_PREFIX: prefix });
    await createAccount(client, prefix, { email: 'hr@acme.test', role: 'employer', password: 'employer-password-1', organisation: 'Acme' });
    const employer = await api.login('hr@acme.test', 'employer-password-1');
    expect(await visibleEarners(employer)).toEqual(['earner-ann', 'earner-bob', 'earner-cy']);

    // Ann claims her profile and opts out of the directory; the employer contacts Bob.
    const ann = await claimEarner(api, 'ann@example.org', 'ann-password-123');
    const optOut = await api.gql('mutation { updateDirectorySettings(input: { listed: false }) { listed } }', {}, ann);
    expect(optOut.body.errors).toBeUndefined();
    const contact = await api.gql(
      'mutation { contactEarner(earnerId: "earner-bob", message: "Hello Bob, we have a role for you.") { id } }',
      {},
      employer,
    );
    expect(contact.body.errors).toBeUndefined();
    visibleBefore = await visibleEarners(employer);
    expect(visibleBefore).toEqual(['earner-bob', 'earner-cy']);

    before = await counts();
    expect(before).toMatchObject({ accounts: 2, 'directory-settings': 3, contacts: 1, credentials: 6 });
    expect(before['claim-tokens']).toBeGreaterThanOrEqual(1);

    const result = await cli('backup', []);
    expect(result.output).toMatch(new RegExp(`Backup ${prefix}-\\S+ in repository "${prefix}-repo"`));
    expect(result.output).toMatch(new RegExp(`${prefix}-accounts: 2 documents`));
    expect(result.status).toBe(0);
  }, 240_000);

  it('refuses to restore while the API is live, and says what it would replace', async () => {
    const refused = await cli('restore', [], { API_URLS: api!.api.url });
    expect(refused.status).toBe(3);
    expect(refused.output).toMatch(
      new RegExp(`${prefix}-accounts: replaces 2 documents \\(${prefix}-accounts-v1\\) with 2 documents from the backup`),
    );
    expect(refused.output).toMatch(/Refusing to restore: an API is running at .* --force/);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('after the data folder is lost, restore brings every record back and search agrees with the restored settings', async () => {
    await api!.api.close();
    await engine.loseData();
    expect(await client.indices.exists({ index: aliasName(prefix, 'accounts') })).toBe(false);

    const restored = await cli('restore', []);
    expect(restored.output).toMatch(/Restore complete\./);
    expect(restored.output).toMatch(new RegExp(`${prefix}-accounts: no index now`));
    expect(restored.status).toBe(0);
    expect(await counts()).toEqual(before);

    api = await startAccountApi('backup', { ELASTICSEARCH_URL: engine.url, INDEX_PREFIX: prefix });
    // The same passwords work: accounts came back with their hashes.
    const employer = await api.login('hr@acme.test', 'employer-password-1');
    expect(await visibleEarners(employer)).toEqual(visibleBefore); // Ann stays hidden
    const ann = await api.login('ann@example.org', 'ann-password-123');
    const settings = await api.gql<{ mySettings: { listed: boolean } }>('{ mySettings { listed } }', {}, ann);
    expect(settings.body.data?.mySettings.listed).toBe(false);
    const sent = await api.gql<{ myContactRequests: { earnerId: string; status: string }[] }>(
      '{ myContactRequests { earnerId status } }',
      {},
      employer,
    );
    expect(sent.body.data?.myContactRequests).toEqual([{ earnerId: 'earner-bob', status: 'PENDING' }]);
  }, 400_000);

  it('the scheduled backup runs on BACKUP_CRON, keeps the newest BACKUP_KEEP, and is retried after an engine outage', async () => {
    await api!.api.close();
    fs.rmSync(api!.outboxDir, { recursive: true, force: true });
    api = undefined;
    const proxy = await startOutageProxy(engine.url);
    const runtime = await createRuntime(
      indexerConfigFromEnv({
        ELASTICSEARCH_URL: proxy.url,
        INDEX_PREFIX: prefix,
        BACKUP_DIR: engine.backupDir,
        BACKUP_REPOSITORY: `${prefix}-repo`,
        BACKUP_CRON: '*/3 * * * * *',
        BACKUP_KEEP: '2',
      }),
    );
    const outcomes: { outcome?: string; error?: string; at: number }[] = [];
    const job = indexerJobs(runtime, (_line, fields = {}) => outcomes.push({ ...(fields as object), at: Date.now() })).find(
      (j) => j.name === 'backup',
    )!;
    const wait = async (done: () => boolean, what: string) => {
      for (const deadline = Date.now() + 90_000; !done(); await new Promise((r) => setTimeout(r, 200))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(outcomes)}`);
      }
    };
    try {
      job.start();
      await wait(() => outcomes.filter((o) => o.outcome === 'ok').length >= 2, 'two scheduled backups');
      await proxy.down();
      const down = Date.now();
      await wait(() => outcomes.some((o) => o.outcome === 'failed' && o.at >= down), 'a failed backup during the outage');
      await proxy.up();
      const up = Date.now();
      await wait(() => outcomes.some((o) => o.outcome === 'ok' && o.at >= up), 'a backup after the engine returned');
    } finally {
      await job.shutdown(30_000);
      await runtime.close();
      await proxy.close();
    }
    const listed = await cli('restore', ['--list']);
    expect(listed.output.match(new RegExp(`^${prefix}-\\S+  SUCCESS`, 'gm'))).toHaveLength(2);
  }, 240_000);
});
