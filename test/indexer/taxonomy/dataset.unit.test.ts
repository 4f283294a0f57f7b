import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../../mappings/skills.ts';
import { crosswalkPairCount } from '../../../indexer/taxonomy/crosswalks.ts';
import { loadTaxonomy } from '../../../indexer/taxonomy/load.ts';

const taxonomy = loadTaxonomy();
const { entries, byId } = taxonomy;
const get = (id: string) => {
  const entry = byId.get(id);
  if (entry === undefined) throw new Error(`missing ${id}`);
  return entry;
};
const count = (framework: string, kind?: string) =>
  entries.filter((e) => e.framework === framework && (kind === undefined || e.kind === kind)).length;

// Hand-checked in the ESCO CSVs: think critically -> T2.1 -> T2 -> T.
const THINK_CRITICALLY = 'esco:7dd94ad3-13d6-43fe-8b94-51fcbf67ced9';
const PROCESSING_INFORMATION = 'esco:fff1d675-c36a-4c12-9cd4-407f21ccd06a';
const THINKING_SKILLS = 'esco:8267ecb5-c976-4b6a-809b-4ceecb954967';
const TRANSVERSAL = 'esco:04a13491-b58c-4d33-8b59-8fad0d55fe9e';
// Python (computer programming): broader isced-f/0613 and computer programming (21d2f96d).
const PYTHON = 'esco:ccd0a1d9-afda-43d9-b901-96344886e14d';
const COMPUTER_PROGRAMMING = 'esco:21d2f96d-35f7-4e3f-9745-c533d2dd6e97';

describe('the shipped taxonomy data set', () => {
  it('loads entries of every framework it carries', () => {
    expect(entries.length).toBeGreaterThan(5000);
    // 1943 distinct skills across the three ESCO collections (digital 1284, green 591, transversal 95, with overlaps).
    expect(count('esco', 'skill') + count('esco', 'knowledge')).toBeGreaterThanOrEqual(1943);
    expect(count('esco', 'group')).toBeGreaterThan(300);
    expect(count('onet', 'skill')).toBe(35);
    expect(count('onet', 'knowledge')).toBe(33);
    expect(count('onet', 'occupation')).toBe(1016);
    expect(count('onet', 'technology')).toBeGreaterThan(500);
    expect(count('nice', 'work-role')).toBe(41);
    expect(count('local', 'skill')).toBeGreaterThanOrEqual(40);
    expect(count('local', 'skill')).toBeLessThanOrEqual(80);
  });

  it('uses only known frameworks and canonical ids <framework>:[<namespace>:]<code>', () => {
    const namespaced = new Set(['onet:soc:', 'onet:tech:']);
    const bad = entries.filter((e) => {
      const prefix = e.id.slice(0, e.id.length - e.code.length);
      const idOk = e.id.endsWith(e.code) && (prefix === `${e.framework}:` || namespaced.has(prefix));
      return !FRAMEWORKS.includes(e.framework) || !idOk || e.label === '' || e.label.trim() !== e.label;
    });
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('has unique ids', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('resolves every broader, narrower, related and ancestor reference', () => {
    const dangling = entries.flatMap((e) =>
      [...e.broader, ...e.narrower, ...e.related, ...e.ancestors].filter((id) => !byId.has(id)).map((id) => `${e.id} -> ${id}`),
    );
    expect(dangling).toEqual([]);
  });

  it('keeps narrower the exact inverse of broader', () => {
    const problems: string[] = [];
    for (const e of entries) {
      for (const parent of e.broader) if (!get(parent).narrower.includes(e.id)) problems.push(`${parent} lacks narrower ${e.id}`);
      for (const child of e.narrower) if (!get(child).broader.includes(e.id)) problems.push(`${child} lacks broader ${e.id}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps ancestors closed, acyclic and within one framework', () => {
    const problems: string[] = [];
    for (const e of entries) {
      const ancestors = new Set(e.ancestors);
      if (ancestors.has(e.id)) problems.push(`${e.id} is its own ancestor`);
      if (ancestors.size !== e.ancestors.length) problems.push(`${e.id} repeats an ancestor`);
      for (const parent of e.broader) {
        if (!ancestors.has(parent)) problems.push(`${e.id} misses parent ${parent}`);
        for (const grand of get(parent).ancestors) if (!ancestors.has(grand)) problems.push(`${e.id} misses ${grand}`);
      }
      for (const a of e.ancestors) if (get(a).framework !== e.framework) problems.push(`${e.id} has foreign ancestor ${a}`);
    }
    expect(problems).toEqual([]);
  });

  it('has the real hierarchy of hand-checked ESCO entries, nearest ancestor first', () => {
    const think = get(THINK_CRITICALLY);
    expect(think.label).toBe('think critically');
    expect(think.uri).toBe('http://data.europa.eu/esco/skill/7dd94ad3-13d6-43fe-8b94-51fcbf67ced9');
    expect(think.altLabels).toContain('apply critical thinking');
    expect(think.broader).toEqual([PROCESSING_INFORMATION]);
    expect(think.ancestors).toEqual([PROCESSING_INFORMATION, THINKING_SKILLS, TRANSVERSAL]);
    expect(get(PROCESSING_INFORMATION)).toMatchObject({ kind: 'group', label: 'processing information, ideas and concepts' });

    const python = get(PYTHON);
    expect(python).toMatchObject({ label: 'Python (computer programming)', kind: 'knowledge' });
    expect(python.broader.sort()).toEqual([COMPUTER_PROGRAMMING, 'esco:isced-f-0613'].sort());
    expect(python.ancestors.slice(0, 2).sort()).toEqual([COMPUTER_PROGRAMMING, 'esco:isced-f-0613'].sort());
    expect(python.ancestors).toContain('esco:isced-f-061');
    expect(get(COMPUTER_PROGRAMMING).narrower).toContain(PYTHON);
  });

  it('has the real hierarchy of O*NET elements', () => {
    expect(get('onet:2.A.2.a')).toMatchObject({ label: 'Critical Thinking', kind: 'skill', ancestors: ['onet:2.A.2', 'onet:2.A'] });
    expect(get('onet:2.C.3.a')).toMatchObject({
      label: 'Computers and Electronics',
      kind: 'knowledge',
      ancestors: ['onet:2.C.3', 'onet:2.C'],
    });
    expect(get('onet:2.C.6')).toMatchObject({ label: 'Education and Training', kind: 'knowledge', ancestors: ['onet:2.C'] });
    expect(get('onet:2.B.3')).toMatchObject({ label: 'Technical Skills', kind: 'group' });
    expect(get('onet:2.B.3').narrower).toContain('onet:2.B.3.e');
    expect(get('onet:soc:15-1252.00')).toMatchObject({
      label: 'Software Developers',
      kind: 'occupation',
      uri: 'https://www.onetonline.org/link/summary/15-1252.00',
    });
    // Technology Skills.txt lists Python under commodity 43232405.
    expect(get('onet:tech:python')).toMatchObject({ label: 'Python', kind: 'technology', broader: ['onet:tech:43232405'] });
    expect(get('onet:tech:43232405')).toMatchObject({ label: 'Object or component oriented development software', kind: 'group' });
    expect(get('onet:tech:c-plus-plus').label).toBe('C++');
    expect(get('onet:tech:c-sharp').label).toBe('C#');
  });

  it('has NICE work roles with real ids under their categories', () => {
    expect(get('nice:PD-WRL-003')).toMatchObject({ label: 'Incident Response', kind: 'work-role', ancestors: ['nice:PD'] });
    expect(get('nice:OG-WRL-001').label).toBe('Communications Security (COMSEC) Management');
    expect(get('nice:PD-WRL-001').altLabels).toContain('Cyber Defense Analyst');
    for (const role of entries.filter((e) => e.kind === 'work-role')) expect(role.code).toMatch(/^(OG|DD|IO|PD|IN)-WRL-\d{3}$/);
  });

  it('has a two-level local framework: areas, then skills', () => {
    for (const e of entries.filter((x) => x.framework === 'local')) {
      if (e.kind === 'group') expect(e.broader).toEqual([]);
      else expect(e.ancestors).toHaveLength(1);
    }
    expect(get('local:python-programming').broader).toEqual(['local:area-software-development']);
  });

  it('has symmetric crosswalks between different frameworks', () => {
    let pairs = 0;
    for (const e of entries) {
      for (const other of e.related) {
        expect(get(other).related).toContain(e.id);
        expect(get(other).framework).not.toBe(e.framework);
        pairs++;
      }
    }
    expect(pairs / 2).toBe(crosswalkPairCount());
    expect(pairs / 2).toBeGreaterThanOrEqual(60);
  });

  it('carries the curated crosswalks named in the brief', () => {
    expect(get(PYTHON).related.sort()).toEqual(['local:python-programming', 'onet:tech:python']);
    expect(get('onet:2.A.2.a').related).toContain(THINK_CRITICALLY);
    expect(get('nice:PD-WRL-003').related).toContain('local:incident-response');
  });

  it('has code aliases that all point at entries', () => {
    const { byCode } = taxonomy;
    for (const id of byCode.values()) expect(byId.has(id)).toBe(true);
    expect(byCode.get('esco|t2.1')).toBe(PROCESSING_INFORMATION);
    expect(byCode.get('nice|pr-cda-001')).toBe('nice:PD-WRL-001');
  });
});
