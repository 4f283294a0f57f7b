/**
 * The region of an issuer, read from the registry entry's free-text
 * `location` ("Columbus, OH", "Ohio", "US-OH", "Cleveland, Ohio, USA"): the
 * first comma-separated part, from the end, that names a known region by
 * code or by name. Null when none does. Pure.
 */
import { normalizeRegion, US_REGIONS } from '../../mappings/regions.ts';

const BY_NAME = new Map(Object.entries(US_REGIONS).map(([code, name]) => [name.toLowerCase(), code]));
const COUNTRY = /^(us|usa|u\.s\.a?\.?|united states( of america)?)$/i;

export function regionOfLocation(location: string | null | undefined): string | null {
  if (!location) return null;
  const parts = location
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !COUNTRY.test(part))
    .reverse();
  for (const part of parts) {
    const code = normalizeRegion(part) ?? BY_NAME.get(part.toLowerCase()) ?? null;
    if (code) return code;
  }
  return null;
}
