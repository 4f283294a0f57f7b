/** Format detection and extraction of baked badges (pure). */
import { describe, expect, it } from 'vitest';
import { classifyJson, detectFormat } from '../../../indexer/sources/detect.ts';
import { extractPngBadge } from '../../../indexer/sources/png.ts';
import { extractSvgBadge } from '../../../indexer/sources/svg.ts';
import { readFixture } from '../../support/credential-fixtures.ts';

const text = (value: string) => new TextEncoder().encode(value);

describe('detectFormat', () => {
  it.each([
    ['ob20/simple-badge.png', 'png'],
    ['ob30/simple-json.svg', 'svg'],
    ['ob20/simple.jwt', 'jws'],
    ['ob30/simple.json', 'json'],
  ])('%s is %s', (file, format) => {
    expect(detectFormat(readFixture(file))).toBe(format);
  });
  it('recognizes a bare URL and unknown text', () => {
    expect(detectFormat(text('https://example.org/a.json\n'))).toBe('url');
    expect(detectFormat(text('hello'))).toBe('unknown');
  });
});

describe('classifyJson', () => {
  it('tells OB 2.0, OB 3.0 and CLR apart', () => {
    const read = (file: string) => JSON.parse(new TextDecoder().decode(readFixture(file))) as unknown;
    expect(classifyJson(read('ob20/basic-assertion.json'))).toBe('ob2-assertion');
    expect(classifyJson(read('ob30/simple.json'))).toBe('ob3-credential');
    expect(classifyJson(read('clr20/simple.json'))).toBe('clr');
    expect(classifyJson({ name: 'x' })).toBe('unknown');
  });
});

describe('baked badges', () => {
  it('reads the OB 2.0 iTXt chunk and the OB 3.0 openbadgecredential chunk', () => {
    const ob2 = extractPngBadge(readFixture('ob20/simple-badge.png'));
    expect(ob2.ok && JSON.parse(ob2.text)).toMatchObject({ id: 'https://example.org/beths-robotics-badge.json' });
    const ob3 = extractPngBadge(readFixture('ob30/simple-jwt.png'));
    expect(ob3.ok && ob3.text.split('.')).toHaveLength(3);
  });
  it('reads SVG CDATA content and verify attributes', () => {
    const json = extractSvgBadge(new TextDecoder().decode(readFixture('ob30/simple-json.svg')));
    expect(json.ok && JSON.parse(json.text)).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    const jws = extractSvgBadge(new TextDecoder().decode(readFixture('ob30/simple-jwt.svg')));
    expect(jws.ok && jws.text.startsWith('eyJ')).toBe(true);
    const ob2 = extractSvgBadge(
      '<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a.json"></openbadges:assertion></svg>',
    );
    expect(ob2).toEqual({ ok: true, text: 'https://example.org/a.json' });
    const entities = extractSvgBadge('<svg><openbadges:assertion>{&quot;a&quot;:1}</openbadges:assertion></svg>');
    expect(entities).toEqual({ ok: true, text: '{"a":1}' });
  });
});
