// Posting rows through the zod row schema: a bad row names its file, line (or position) and column. Pure: no engine.
import { describe, expect, it } from 'vitest';
import { parsePostingText } from '../../indexer/demand/read.ts';

describe('posting rows', () => {
  it('refuses a nested object in a column, naming the file, line and column, instead of reading "[object Object]"', () => {
    const jsonl = ['{"title":"Welder","employer":"Acme"}', '{"title":{"text":"Welder"},"employer":"Acme"}'].join('\n');
    expect(parsePostingText(jsonl, 'p.jsonl')).toEqual([
      { kind: 'row', source: 'p.jsonl:1', row: { title: 'Welder', employer: 'Acme' } },
      { kind: 'problem', source: 'p.jsonl:2', detail: 'p.jsonl:2: column "title" must be text, a number, true/false or a list of them' },
    ]);
    expect(parsePostingText('[{"title":"a","skills":["SQL",{"id":1}]}]', 'p.json')).toEqual([
      { kind: 'problem', source: 'p.json[0]', detail: 'p.json[0]: column "skills" must be text, a number, true/false or a list of them' },
    ]);
  });

  it('keeps cells of every plain kind, and lists of them', () => {
    const row = { title: 'a', openings: 3, remote: true, closes: null, skills: ['SQL', 'Python'] };
    expect(parsePostingText(JSON.stringify({ postings: [row] }), 'p.json')).toEqual([{ kind: 'row', source: 'p.json[0]', row }]);
  });

  it('names a value that is no row at all, and a file that is no list of rows', () => {
    expect(parsePostingText('[1, ["a"]]', 'p.json')).toEqual([
      { kind: 'problem', source: 'p.json[0]', detail: 'p.json[0]: expected an object' },
      { kind: 'problem', source: 'p.json[1]', detail: 'p.json[1]: expected an object' },
    ]);
    expect(parsePostingText('{"a":1}\n"text"\n', 'p.jsonl')[1]).toEqual({
      kind: 'problem',
      source: 'p.jsonl:2',
      detail: 'p.jsonl:2: expected a JSON object per line',
    });
    expect(parsePostingText('{"postings": {"title": "a"}}', 'p.json')).toEqual([
      { kind: 'problem', source: 'p.json', detail: 'p.json: expected a JSON array of postings (or { "postings": [...] })' },
    ]);
  });
});
