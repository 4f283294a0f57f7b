import { describe, expect, it } from 'vitest';
import { normalizeFrameworkName } from '../../../indexer/taxonomy/frameworks.ts';
import { uriKey } from '../../../indexer/taxonomy/keys.ts';
import { labelKey, slugify } from '../../../indexer/taxonomy/text.ts';

describe('normalizeFrameworkName', () => {
  it.each([
    ['ESCO', 'esco'],
    ['esco v1.2.0', 'esco'],
    ['European Skills, Competences, Qualifications and Occupations', 'esco'],
    ['O*NET', 'onet'],
    ['ONET', 'onet'],
    ['O*NET-SOC', 'onet'],
    ['O*NET OnLine', 'onet'],
    ['onet 29.2', 'onet'],
    ['NICE', 'nice'],
    ['NICE Framework', 'nice'],
    ['NIST SP 800-181', 'nice'],
    ['Workforce Framework for Cybersecurity', 'nice'],
    ['Lightcast', 'lightcast'],
    ['Lightcast Open Skills', 'lightcast'],
    ['EMSI', 'lightcast'],
    ['Emsi Burning Glass', 'lightcast'],
    ['local', 'local'],
    ['RSCC Skills', 'local'],
  ])('%s -> %s', (name, framework) => {
    expect(normalizeFrameworkName(name)).toBe(framework);
  });

  it.each([[undefined], [''], ['1EdTech University Program and Course Catalog'], ['Phonetics'], ['CTDL']])('%s -> undefined', (name) => {
    expect(normalizeFrameworkName(name)).toBeUndefined();
  });
});

describe('labelKey and slugify', () => {
  it('ignores case, accents and punctuation but keeps + and #', () => {
    expect(labelKey('  Think   Critically! ')).toBe('think critically');
    expect(labelKey('Énergie-Solaire')).toBe('energie solaire');
    expect(labelKey('C++')).toBe('c plus plus');
    expect(labelKey('C#')).toBe('c sharp');
    expect(labelKey('C')).toBe('c');
    expect(slugify('Microsoft ASP.NET')).toBe('microsoft-asp-net');
  });
});

describe('uriKey', () => {
  it('treats scheme, www., host case and trailing slashes as the same URI', () => {
    const key = uriKey('http://data.europa.eu/esco/skill/x');
    expect(uriKey('https://DATA.europa.eu/esco/skill/x/')).toBe(key);
    expect(uriKey('https://www.onetonline.org/link/summary/15-1252.00')).toBe(uriKey('http://onetonline.org/link/summary/15-1252.00/'));
  });

  it('rejects what is not an http(s) URL', () => {
    expect(uriKey('not a url')).toBeUndefined();
    expect(uriKey('urn:uuid:1234')).toBeUndefined();
  });
});
