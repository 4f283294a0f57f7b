/**
 * Issue 13 item 4: SIGTERM or SIGINT to the `npm start` process alone (what
 * a service manager or container runtime sends) stops everything it started
 * within 10 s: a demo load stops at a safe point and the next start resumes
 * it, and a request in flight when the signal arrives still gets its answer.
 */
import net from 'node:net';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAllIndices } from '../../mappings/indices.ts';
import { engineClient, engineUrl, shareTaxonomyWith, uniquePrefix } from '../support/engine.ts';
import { allGone, descendants, npmStart, type NpmStart } from '../support/npm-start.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const prefix = uniquePrefix('stop');
const client = engineClient();
const started: NpmStart[] = [];
let issuerPort = 0;

async function start(): Promise<{ run: NpmStart; port: number }> {
  const port = await freePort();
  const run = npmStart({
    ELASTICSEARCH_URL: engineUrl(),
    INDEX_PREFIX: prefix,
    PORT: String(port),
    // The same port both times: the demo data set names it, and a new port means a new data set.
    DEMO_ISSUER_PORT: String((issuerPort ||= await freePort())),
    DEMO_EARNERS: '40',
    LOG_LEVEL: 'warn',
  });
  started.push(run);
  return { run, port };
}

/** A GraphQL request whose body arrives in two parts, `gapMs` apart: in flight across the signal. */
function slowRequest(port: number, gapMs: number, sent: () => void): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({ query: '{ __typename }' });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 5));
    req.flushHeaders();
    setTimeout(sent, 200);
    setTimeout(() => req.end(body.slice(5)), 200 + gapMs);
  });
}

let unlinkTaxonomy: (() => Promise<void>) | undefined;
beforeAll(async () => {
  unlinkTaxonomy = await shareTaxonomyWith(prefix);
});

afterAll(async () => {
  for (const run of started) {
    // Only if a test failed half-way: the group we started.
    if (run.child.exitCode === null && run.child.signalCode === null) process.kill(-run.child.pid!, 'SIGKILL');
  }
  await deleteAllIndices({ client, prefix, replicas: 0 });
  await unlinkTaxonomy?.();
  await client.close();
});

describe('npm start stops on a signal to its main process', () => {
  it('SIGINT during the demo load: every process is gone within 10 s', async () => {
    const { run } = await start();
    await run.waitFor(/Loading demo data/, 300_000);
    const tree = [run.child.pid!, ...descendants(run.child.pid!)];
    expect(tree.length).toBeGreaterThanOrEqual(3); // npm, tsx, node (sh is replaced by exec)
    process.kill(run.child.pid!, 'SIGINT');
    const ms = await allGone(tree, 10_000);
    expect(run.output()).toMatch(/Stopping \(SIGINT\)/);
    expect(run.output()).toMatch(/Stopped\./);
    console.log(`SIGINT during the demo load: ${tree.length} processes gone in ${ms} ms`);
  }, 360_000);

  it('SIGTERM while serving: the next start resumes the load, a request in flight is answered, all gone within 10 s', async () => {
    const { run, port } = await start();
    await run.waitFor(/Talent directory running/, 300_000);
    expect(run.output()).toMatch(/Resuming an unfinished demo load/);
    const { count } = await client.count({ index: `${prefix}-earners` });
    expect(count).toBeGreaterThan(0);

    const tree = [run.child.pid!, ...descendants(run.child.pid!)];
    let signalled = 0;
    const answer = slowRequest(port, 1000, () => {
      signalled = Date.now();
      process.kill(run.child.pid!, 'SIGTERM');
    });
    const response = await answer;
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(900);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ data: { __typename: 'Query' } });
    const ms = await allGone(tree, 10_000 - (Date.now() - signalled));
    expect(run.output()).toMatch(/Stopping \(SIGTERM\)/);
    expect(run.output()).toMatch(/API: closed/);
    console.log(
      `SIGTERM while serving: ${tree.length} processes gone ${Date.now() - signalled - 0} ms after the signal (${ms} ms after the answer)`,
    );
  }, 360_000);
});
