/** Highlights are shown as text with <mark> elements, never as HTML (pure, no browser). */
import { describe, expect, it } from 'vitest';
import { highlightSegments } from '../../web/src/lib/highlight.ts';

describe('highlightSegments', () => {
  it('splits a fragment into plain and marked text', () => {
    expect(highlightSegments('Advanced <mark>welding</mark> and <mark>TIG</mark>')).toEqual([
      { text: 'Advanced ', marked: false },
      { text: 'welding', marked: true },
      { text: ' and ', marked: false },
      { text: 'TIG', marked: true },
    ]);
  });

  it('decodes the escaped text once, so markup typed into a badge stays text', () => {
    const segments = highlightSegments('&lt;img src=x onerror=alert(1)&gt; <mark>R&amp;D</mark> &amp;lt;');
    expect(segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)> R&D &lt;');
    expect(segments.find((s) => s.marked)?.text).toBe('R&D');
  });
});
