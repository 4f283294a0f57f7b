/** The page's own check of issuer-provided URLs (a second line behind the API's): same hostile values, same verdicts. */
import { describe, expect, it } from 'vitest';
import { safeImage, safeLink } from '../../api/badges/safe-links.ts';
import { safeHref, safeImageSrc } from '../../web/src/lib/safe-urls.ts';
import { HOSTILE_CREDENTIAL_ID, HOSTILE_EVIDENCE, HOSTILE_IMAGES, SAFE_IMAGES } from '../support/hostile-badges.ts';

describe('issuer-provided URLs', () => {
  it('become an image only when https or a safe data: image, in the API and in the page', () => {
    for (const value of HOSTILE_IMAGES) {
      expect(safeImage(value), value).toBeNull();
      // The page accepts no more than the API: a value the page would let through must be one the API passes on.
      const page = safeImageSrc(value);
      if (page !== null) expect(safeImage(value), value).not.toBeNull();
    }
    for (const value of SAFE_IMAGES) {
      expect(safeImage(value)).toBe(value);
      expect(safeImageSrc(value)).toBe(value);
    }
    expect(safeImageSrc('javascript:alert(1)')).toBeNull();
    expect(safeImageSrc('http://tracker.example/pixel.gif')).toBeNull();
    expect(safeImageSrc(`data:image/png;base64,${'A'.repeat(40_000)}`)).toBeNull();
  });

  it('become a link only when http(s)', () => {
    for (const value of [HOSTILE_CREDENTIAL_ID, 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:x']) {
      expect(safeLink(value), value).toBeNull();
      expect(safeHref(value), value).toBeNull();
    }
    expect(safeLink(HOSTILE_EVIDENCE[2]!.url)).toBe('https://portfolio.example/work');
    expect(safeHref('http://issuer.example/assertions/1')).toBe('http://issuer.example/assertions/1');
    expect(safeLink('https://user:pw@issuer.example/a')).toBeNull();
  });
});
