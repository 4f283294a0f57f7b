import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostingDocument } from '../../mappings/postings.ts';
import { ingestPostings } from '../../indexer/demand/ingest.ts';
import { preparePosting } from '../../indexer/demand/prepare.ts';
import { parsePostingText, readPostingSource } from '../../indexer/demand/read.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { testIndices } from '../support/engine.ts';

const taxonomy = loadTaxonomy();
const now = new Date('2026-11-01T00:00:00Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demand-'));
const target = testIndices('demand');
const store = new IndexStore(target);
beforeAll(() => store.ensureIndices());
afterAll(async () => {
  await target.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const CSV = [
  'title,employer,region,posted_on,skills,occupation',
  'Maintenance Technician,Acme Manufacturing,US-OH,2026-10-01,Troubleshooting;Equipment Maintenance;forklift certification,49-9071.00',
  'Bad Row,,Ohio,someday,Troubleshooting,',
  'Help Desk Analyst,Buckeye IT,oh,2026-09-15,Python (computer programming)|SQL,15-1232',
].join('\n');

describe('reading postings', () => {
  it('reads CSV, JSON arrays and JSON Lines, naming each row', () => {
    expect(parsePostingText(CSV, 'p.csv').map((u) => u.source)).toEqual(['p.csv:row 2', 'p.csv:row 3', 'p.csv:row 4']);
    expect(parsePostingText('[{"title":"a"},{"title":"b"}]', 'p.json').map((u) => u.source)).toEqual(['p.json[0]', 'p.json[1]']);
    expect(parsePostingText('{"title":"a"}\n\nnot json\n', 'p.jsonl')).toEqual([
      { kind: 'row', source: 'p.jsonl:1', row: { title: 'a' } },
      { kind: 'problem', source: 'p.jsonl:3', detail: expect.stringMatching(/^p\.jsonl:3: not JSON/) },
    ]);
    expect(parsePostingText('  \n', 'empty.csv')).toEqual([
      { kind: 'problem', source: 'empty.csv', detail: 'empty.csv: the file is empty' },
    ]);
  });

  it('names every problem of a bad row by row and column', () => {
    const bad = parsePostingText(CSV, 'p.csv')[1]!;
    expect(bad.kind === 'row' && preparePosting(bad.row, bad.source, taxonomy, now)).toEqual({
      ok: false,
      source: 'p.csv:row 3',
      problems: [
        'p.csv:row 3: column employer is empty',
        'p.csv:row 3: region "Ohio" is not a known region code (use e.g. US-OH)',
        'p.csv:row 3: posted_on "someday" is not a date (use YYYY-MM-DD)',
      ],
    });
  });

  it('normalizes required skills to the taxonomy and keeps the unknown ones', () => {
    const row = parsePostingText(CSV, 'p.csv')[0]!;
    const prepared = row.kind === 'row' ? preparePosting(row.row, row.source, taxonomy, now) : undefined;
    expect(prepared?.ok && prepared.posting).toMatchObject({
      region: 'US-OH',
      occupation: '49-9071.00',
      unmappedSkills: ['forklift certification'],
    });
    const posting = (prepared as { posting: PostingDocument }).posting;
    expect(posting.skills).toContain('onet:2.B.3.k'); // O*NET Troubleshooting
    expect(posting.skillsExpanded).toEqual(expect.arrayContaining(['onet:2.B.3.k', 'onet:2.B.3']));
  });
});

describe('ingesting postings into the engine', () => {
  it('stores every valid row, rejects bad ones with reasons, and reports unknown skills', async () => {
    fs.writeFileSync(path.join(dir, 'postings.csv'), CSV);
    const units = await readPostingSource(path.join(dir, 'postings.csv'));
    const summary = await ingestPostings(units, store, taxonomy, now);
    expect(summary).toMatchObject({ rows: 3, accepted: 2, rejected: 1, unknownSkills: { 'forklift certification': 1 } });
    expect(summary.problems).toHaveLength(3);
    const stored = await target.client.search<PostingDocument>({ index: store.alias('postings'), sort: ['title.keyword'] });
    expect(stored.hits.hits.map((h) => [h._source?.title, h._source?.region, h._source?.occupation])).toEqual([
      ['Help Desk Analyst', 'US-OH', '15-1232.00'],
      ['Maintenance Technician', 'US-OH', '49-9071.00'],
    ]);
  });

  it('is idempotent: the same postings twice are stored once', async () => {
    const units = await readPostingSource(path.join(dir, 'postings.csv'));
    await ingestPostings(units, store, taxonomy, now);
    expect(await store.count('postings')).toBe(2);
  });

  it('reports an empty or missing file instead of failing', async () => {
    fs.writeFileSync(path.join(dir, 'empty.json'), '');
    const summary = await ingestPostings(
      [...(await readPostingSource(path.join(dir, 'empty.json'))), ...(await readPostingSource(path.join(dir, 'nope.csv')))],
      store,
      taxonomy,
      now,
    );
    expect(summary).toMatchObject({ rows: 2, accepted: 0, rejected: 2 });
    expect(summary.problems).toEqual([`${path.join(dir, 'empty.json')}: the file is empty`, `${path.join(dir, 'nope.csv')}: no such file`]);
  });
});
