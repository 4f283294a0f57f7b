/**
 * Exact matching of a `targetUrl` to taxonomy entries. Pure.
 *
 * Besides the entries' own URIs this understands the URL shapes alignments
 * use in practice: ESCO concept URIs in either scheme or wrapped in the ESCO
 * portal's `?uri=` link, O*NET OnLine / O*NET Center pages that carry a SOC
 * code, an element id or a commodity code, and NICE work role pages
 * (NICCS `.../work-role/<name>` or any URL carrying a role id).
 */
import type { Taxonomy } from './load.ts';
import { codeKey, uriKey } from './keys.ts';
import { slugify } from './text.ts';

const ESCO_CONCEPT = /data\.europa\.eu\/esco\/(skill|isced-f)\/([0-9a-z-]+)/i;
const SOC_CODE = /(?:^|[^\d])(\d{2}-\d{4})(\.\d{2})?(?!\d)/;
const ONET_ELEMENT = /(?:^|[/=])([1-7]\.[A-H](?:\.\d+(?:\.[a-z](?:\.\d+)*)?)?)(?=$|[/?&#])/;
const COMMODITY = /(?:^|[/=])(4\d{7})(?=$|[/?&#])/;
const NICE_ROLE_ID = /\b([A-Z]{2}-WRL-\d{3}|[A-Z]{2}-[A-Z]{3}-\d{3})\b/;
const NICCS_ROLE_PAGE = /\/work-roles?\/([a-z0-9-]+)/i;

/** Canonical ids the URL names exactly, or an empty list. */
export function matchUrl(taxonomy: Taxonomy, url: string): string[] {
  const key = uriKey(url);
  if (key === undefined) return [];
  const direct = taxonomy.byUri.get(key);
  if (direct !== undefined) return [direct];

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.trim());
  } catch {
    decoded = url.trim();
  }
  const host = new URL(url.trim()).hostname.toLowerCase();
  const found = (id: string | undefined): string[] => (id !== undefined && taxonomy.byId.has(id) ? [id] : []);

  const esco = ESCO_CONCEPT.exec(decoded);
  if (esco !== null) {
    const [, scheme = '', code = ''] = esco;
    return found(scheme.toLowerCase() === 'skill' ? `esco:${code.toLowerCase()}` : `esco:isced-f-${code}`);
  }
  if (/(^|\.)onet(online|center)\.org$|(^|\.)mynextmove\.org$/.test(host)) return matchOnetUrl(taxonomy, decoded, found);
  if (/(^|\.)niccs\.(cisa|us-cert)\.gov$/.test(host) || NICE_ROLE_ID.test(decoded)) return matchNiceUrl(taxonomy, decoded, found);
  return [];
}

function matchOnetUrl(taxonomy: Taxonomy, decoded: string, found: (id: string | undefined) => string[]): string[] {
  const path = decoded.replace(/^https?:\/\/[^/]+/i, '');
  const soc = SOC_CODE.exec(path);
  if (soc !== null) return found(`onet:soc:${soc[1]}${soc[2] ?? '.00'}`);
  const element = ONET_ELEMENT.exec(path);
  if (element !== null) return found(`onet:${element[1]}`);
  const commodity = COMMODITY.exec(path);
  if (commodity !== null) return found(`onet:tech:${commodity[1]}`);
  return [];
}

function matchNiceUrl(taxonomy: Taxonomy, decoded: string, found: (id: string | undefined) => string[]): string[] {
  const roleId = NICE_ROLE_ID.exec(decoded);
  if (roleId !== null) {
    return found(taxonomy.byCode.get(codeKey('nice', roleId[1]!)));
  }
  const page = NICCS_ROLE_PAGE.exec(decoded);
  if (page === null) return [];
  const slug = page[1]!.toLowerCase();
  const role = taxonomy.entries.find(
    (e) => e.framework === 'nice' && e.kind === 'work-role' && (slugify(e.label) === slug || e.altLabels.some((a) => slugify(a) === slug)),
  );
  return found(role?.id);
}
