import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs, type InputUnit } from '../../indexer/ingest/inputs.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function collect(args: string[], allowHosts: string[] = []): Promise<InputUnit[]> {
  const out: InputUnit[] = [];
  for await (const u of expandInputs(args, { allowHosts })) out.push(u);
  return out;
}

const text = (u: InputUnit) => (u.kind === 'credential' ? Buffer.from(u.bytes).toString('utf8') : u.kind === 'row' ? u.row : u.detail);

describe('expanding inputs', () => {
  it('walks folders in name order and reads each kind of file', async () => {
    fs.mkdirSync(path.join(dir, 'tree', 'nested'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'tree', 'a.json'), '{"@context":"x","id":"a"}');
    fs.writeFileSync(path.join(dir, 'tree', 'nested', 'b.jwt'), 'eyJhbGciOiJFZERTQSJ9.e30.sig');
    fs.writeFileSync(path.join(dir, 'tree', 'notes.md'), 'not a credential');
    fs.writeFileSync(path.join(dir, 'tree', 'stream.jsonl'), '{"id":"one"}\n\n"eyJhbGciOiJFZERTQSJ9.e30.sig"\neyJraWQiOiJ4In0.e30.sig\n');
    const units = await collect([path.join(dir, 'tree')]);
    expect(units.map((u) => [u.kind, path.relative(dir, u.source), text(u)])).toEqual([
      ['credential', 'tree/a.json', '{"@context":"x","id":"a"}'],
      ['credential', 'tree/nested/b.jwt', 'eyJhbGciOiJFZERTQSJ9.e30.sig'],
      ['credential', 'tree/stream.jsonl:1', '{"id":"one"}'],
      ['credential', 'tree/stream.jsonl:3', 'eyJhbGciOiJFZERTQSJ9.e30.sig'],
      ['credential', 'tree/stream.jsonl:4', 'eyJraWQiOiJ4In0.e30.sig'],
    ]);
  });

  it('reads bulk exports as rows, numbered as a spreadsheet shows them', async () => {
    fs.writeFileSync(
      path.join(dir, 'export.csv'),
      'earner_email,badge_name,issuer,issued_on\nada@example.org,Welding I,Acme,2025-01-02\nbob@example.org,Welding II,Acme,2025-02-03\n',
    );
    fs.writeFileSync(
      path.join(dir, 'export.json'),
      JSON.stringify([{ email: 'ada@example.org', badge: 'Safety', issuer: 'Acme', date: '2025-01-01' }]),
    );
    const units = await collect([path.join(dir, 'export.csv'), path.join(dir, 'export.json')]);
    expect(units.map((u) => [u.kind, path.relative(dir, u.source)])).toEqual([
      ['row', 'export.csv:row 2'],
      ['row', 'export.csv:row 3'],
      ['row', 'export.json[0]'],
    ]);
    expect(units[1]?.kind === 'row' && units[1].row.badge_name).toBe('Welding II');
  });

  it('says which path does not exist, and goes on', async () => {
    const units = await collect([path.join(dir, 'missing.json'), path.join(dir, 'tree', 'a.json')]);
    expect(units[0]).toEqual({
      kind: 'problem',
      source: path.join(dir, 'missing.json'),
      detail: `${path.join(dir, 'missing.json')}: no such file or folder`,
    });
    expect(units[1]?.kind).toBe('credential');
  });

  it('fetches URLs over HTTP and reports an HTTP error by status', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/badge.json') res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"remote"}');
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const units = await collect([`${base}/badge.json`, `${base}/gone.json`], [new URL(base).host]);
    // Without the development allowance, a loopback URL is never fetched.
    const refused = await collect([`${base}/badge.json`]);
    server.close();
    expect(units.map((u) => [u.kind, text(u)])).toEqual([
      ['credential', '{"id":"remote"}'],
      ['problem', `${base}/gone.json: HTTP 404`],
    ]);
    expect(refused.map((u) => [u.kind, text(u)])).toEqual([['problem', `${base}/badge.json: unreachable`]]);
  });
});
