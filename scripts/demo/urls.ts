/**
 * Where every demo document lives. Credentials name these URLs and the demo
 * issuer server (and the `hosted/` folder) serves them, so both are built from
 * the same `issuerBaseUrl` here. Pure.
 */

/** URL builders for one base URL, e.g. `http://127.0.0.1:3100`. */
export interface DemoUrls {
  /** The base URL without a trailing slash. */
  root: string;
  ob2Issuer(slug: string): string;
  ob2BadgeClass(slug: string, code: string): string;
  ob2Assertion(slug: string, uuid: string): string;
  ob2Key(slug: string): string;
  ob2RevocationList(slug: string): string;
  ob3Achievement(slug: string, code: string): string;
  ob3StatusList(slug: string): string;
  ob3RevocationList(slug: string): string;
  image(slug: string): string;
  /** The path of a URL under the base (`/ob2/…`), the key of the `hosted` map. */
  pathOf(url: string): string;
}

export function demoUrls(issuerBaseUrl: string): DemoUrls {
  const root = issuerBaseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(root))
    throw new Error(`issuerBaseUrl must be an http(s) origin such as http://127.0.0.1:3100, got "${issuerBaseUrl}"`);
  return {
    root,
    ob2Issuer: (slug) => `${root}/ob2/${slug}/issuer.json`,
    ob2BadgeClass: (slug, code) => `${root}/ob2/${slug}/badges/${code}.json`,
    ob2Assertion: (slug, uuid) => `${root}/ob2/${slug}/assertions/${uuid}.json`,
    ob2Key: (slug) => `${root}/ob2/${slug}/key.json`,
    ob2RevocationList: (slug) => `${root}/ob2/${slug}/revocations.json`,
    ob3Achievement: (slug, code) => `${root}/ob3/${slug}/achievements/${code}.json`,
    ob3StatusList: (slug) => `${root}/ob3/${slug}/status-list.json`,
    ob3RevocationList: (slug) => `${root}/ob3/${slug}/revocations.json`,
    image: (slug) => `${root}/images/${slug}.svg`,
    pathOf: (url) => {
      if (!url.startsWith(`${root}/`)) throw new Error(`${url} is not under ${root}`);
      return url.slice(root.length);
    },
  };
}
