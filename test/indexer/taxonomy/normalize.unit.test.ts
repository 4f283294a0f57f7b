import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../../indexer/taxonomy/load.ts';
import { expandWithAncestors, normalizeAlignment, normalizeSkills, normalizeTag } from '../../../indexer/taxonomy/normalize.ts';

const taxonomy = loadTaxonomy();
const PYTHON = 'esco:ccd0a1d9-afda-43d9-b901-96344886e14d';
const THINK_CRITICALLY = 'esco:7dd94ad3-13d6-43fe-8b94-51fcbf67ced9';
const mapped = (...skillIds: string[]) => ({ skillIds, unmapped: [] });

describe('normalizeAlignment by URI', () => {
  it.each([
    ['http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', PYTHON],
    ['https://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', PYTHON],
    ['http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d/', PYTHON],
    [
      'https://esco.ec.europa.eu/en/classification/skill?uri=http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill%2F7dd94ad3-13d6-43fe-8b94-51fcbf67ced9',
      THINK_CRITICALLY,
    ],
    ['http://data.europa.eu/esco/isced-f/0613', 'esco:isced-f-0613'],
    ['https://www.onetonline.org/link/summary/15-1252.00', 'onet:soc:15-1252.00'],
    ['https://www.onetonline.org/link/details/15-1212.00', 'onet:soc:15-1212.00'],
    ['https://onetonline.org/find/descriptor/result/2.A.2.a', 'onet:2.A.2.a'],
    ['https://www.onetonline.org/find/descriptor/result/2.C.3.a/', 'onet:2.C.3.a'],
    ['https://niccs.cisa.gov/tools/nice-framework/work-role/incident-response', 'nice:PD-WRL-003'],
    ['https://niccs.cisa.gov/workforce-development/nice-framework/work-role/secure-systems-development', 'nice:DD-WRL-004'],
  ])('maps %s', (targetUrl, id) => {
    expect(normalizeAlignment(taxonomy, { targetUrl })).toEqual(mapped(id));
  });

  it('prefers the URI over a conflicting name', () => {
    expect(
      normalizeAlignment(taxonomy, { targetUrl: 'https://www.onetonline.org/find/descriptor/result/2.A.2.a', targetName: 'Python' }),
    ).toEqual(mapped('onet:2.A.2.a'));
  });

  it('falls through to the code when the URL is unknown', () => {
    expect(
      normalizeAlignment(taxonomy, { targetUrl: 'https://example.org/skills/42', targetFramework: 'O*NET', targetCode: '2.B.3.e' }),
    ).toEqual(mapped('onet:2.B.3.e'));
  });
});

describe('normalizeAlignment by framework and code', () => {
  it.each([
    ['ESCO', 'ccd0a1d9-afda-43d9-b901-96344886e14d', PYTHON],
    ['esco v1.2', 'CCD0A1D9-AFDA-43D9-B901-96344886E14D', PYTHON],
    ['ESCO', 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', PYTHON],
    ['ESCO', 'T2.1', 'esco:fff1d675-c36a-4c12-9cd4-407f21ccd06a'],
    ['O*NET', '2.A.2.a', 'onet:2.A.2.a'],
    ['ONET', '2.B.3.e', 'onet:2.B.3.e'],
    ['O*NET-SOC', '15-1252.00', 'onet:soc:15-1252.00'],
    ['O*NET-SOC 2019', '15-1252', 'onet:soc:15-1252.00'],
    ['O*NET OnLine', '43232405', 'onet:tech:43232405'],
    ['NICE', 'PD-WRL-003', 'nice:PD-WRL-003'],
    ['NICE Framework', 'pd-wrl-003', 'nice:PD-WRL-003'],
    ['NIST SP 800-181', 'PR-CDA-001', 'nice:PD-WRL-001'],
    ['NICE Cybersecurity Workforce Framework', 'OM-ADM-001', 'nice:IO-WRL-005'],
    ['Riverbend State Community College Workforce Skills Framework', 'python-programming', 'local:python-programming'],
    ['RSCC Skills', 'teamwork', 'local:teamwork'],
  ])('maps %s %s', (targetFramework, targetCode, id) => {
    expect(normalizeAlignment(taxonomy, { targetFramework, targetCode })).toEqual(mapped(id));
  });

  it('accepts a canonical id as the code whatever the framework says', () => {
    expect(normalizeAlignment(taxonomy, { targetFramework: 'Acme skills', targetCode: 'onet:tech:python' })).toEqual(
      mapped('onet:tech:python'),
    );
  });

  it('does not look codes up in a framework the alignment does not name', () => {
    expect(normalizeAlignment(taxonomy, { targetFramework: 'Acme skills', targetCode: '2.A.2.a' }).skillIds).toEqual([]);
  });
});

describe('normalizeAlignment by label', () => {
  it('matches preferred labels case- and punctuation-insensitively', () => {
    expect(normalizeAlignment(taxonomy, { targetName: 'python (COMPUTER programming)' })).toEqual(mapped(PYTHON));
    expect(normalizeAlignment(taxonomy, { targetName: 'Critical  thinking!' })).toEqual(mapped('onet:2.A.2.a', 'local:critical-thinking'));
  });

  it('matches alternative labels when no preferred label matches', () => {
    expect(normalizeAlignment(taxonomy, { targetName: 'Apply critical thinking' })).toEqual(mapped(THINK_CRITICALLY));
    expect(normalizeAlignment(taxonomy, { targetName: 'Cyber Defense Analyst' })).toEqual(mapped('nice:PD-WRL-001'));
  });

  it('prefers the framework the alignment names', () => {
    // "Python" is O*NET's preferred label and an ESCO alternative label.
    expect(normalizeAlignment(taxonomy, { targetName: 'Python' })).toEqual(mapped('onet:tech:python'));
    expect(normalizeAlignment(taxonomy, { targetFramework: 'ESCO', targetName: 'Python' })).toEqual(mapped(PYTHON));
  });

  it('falls back to other frameworks when the named one has no such label (Lightcast/EMSI has no entries)', () => {
    expect(
      normalizeAlignment(taxonomy, { targetFramework: 'Lightcast', targetCode: 'KS1200364C9C1LK3V5Q1', targetName: 'Python' }),
    ).toEqual(mapped('onet:tech:python'));
    expect(normalizeAlignment(taxonomy, { targetFramework: 'EMSI Burning Glass', targetName: 'Critical Thinking' }).skillIds).toContain(
      'onet:2.A.2.a',
    );
  });

  it('keeps C, C++ and C# apart', () => {
    expect(normalizeTag(taxonomy, 'C').skillIds).toEqual(['onet:tech:c']);
    expect(normalizeTag(taxonomy, 'c++').skillIds).toContain('onet:tech:c-plus-plus');
    expect(normalizeTag(taxonomy, 'C#').skillIds).toContain('onet:tech:c-sharp');
    expect(normalizeTag(taxonomy, 'C#').skillIds).not.toContain('onet:tech:c-plus-plus');
  });

  it('prefers a skill over a skill group of the same name', () => {
    // ESCO has an ISCED-F group "mathematics"; O*NET has a skill and a knowledge element of that name.
    expect(normalizeTag(taxonomy, 'Mathematics').skillIds).toEqual(['onet:2.A.1.e', 'onet:2.C.4.a']);
  });
});

describe('unmapped alignments and tags', () => {
  it('keeps the original fields of an alignment nothing matches', () => {
    const alignment = {
      targetName: 'Basket weaving',
      targetFramework: 'Acme skills',
      targetCode: 'BW-1',
      targetUrl: 'https://acme.example/bw-1',
      targetType: 'CFItem',
    };
    expect(normalizeAlignment(taxonomy, alignment)).toEqual({ skillIds: [], unmapped: [{ source: 'alignment', ...alignment }] });
  });

  it('does not match anything fuzzier than a label key', () => {
    expect(normalizeTag(taxonomy, 'pythn').skillIds).toEqual([]);
    expect(normalizeTag(taxonomy, 'excel').unmapped).toEqual([{ source: 'tag', targetName: 'excel' }]);
  });

  it('ignores empty alignments and tags', () => {
    expect(normalizeAlignment(taxonomy, { targetType: 'CFItem' })).toEqual({ skillIds: [], unmapped: [] });
    expect(normalizeTag(taxonomy, '   ')).toEqual({ skillIds: [], unmapped: [] });
  });
});

describe('normalizeSkills and expandWithAncestors', () => {
  it('merges alignments and tags, deduplicating ids in first-seen order', () => {
    const result = normalizeSkills(taxonomy, {
      alignments: [{ targetFramework: 'NICE', targetCode: 'PD-WRL-003' }, { targetName: 'Underwater welding' }],
      tags: ['Incident Response', 'python', 'https://www.onetonline.org/find/descriptor/result/2.A.2.a', 'local:teamwork'],
    });
    expect(result.skillIds).toEqual(['nice:PD-WRL-003', 'local:incident-response', 'onet:tech:python', 'onet:2.A.2.a', 'local:teamwork']);
    expect(result.unmapped).toEqual([{ source: 'alignment', targetName: 'Underwater welding' }]);
  });

  it('adds every ancestor after each id, once', () => {
    expect(expandWithAncestors(taxonomy, ['onet:2.A.2.a', 'onet:2.A.1.a', THINK_CRITICALLY, 'local:unknown'])).toEqual([
      'onet:2.A.2.a',
      'onet:2.A.2',
      'onet:2.A',
      'onet:2.A.1.a',
      'onet:2.A.1',
      THINK_CRITICALLY,
      'esco:fff1d675-c36a-4c12-9cd4-407f21ccd06a',
      'esco:8267ecb5-c976-4b6a-809b-4ceecb954967',
      'esco:04a13491-b58c-4d33-8b59-8fad0d55fe9e',
      'local:unknown',
    ]);
  });
});
