/**
 * The demo's issuer registry, in the directory's own registry format: the
 * eight demo issuers, recognized with the web space each controls on the
 * demo issuer server (`/ob2/<slug>/`, `/ob3/<slug>/`) and, for OB 3.0 issuers,
 * their did:key. Written next to the data set (`registry.json`) because DIDs
 * follow the seed and URLs the base URL; `loadDemo` imports it before the
 * credentials, as a state program would load its published list. Pure.
 */
import { DIRECTORY_FORMAT } from '../../../indexer/issuers/registry-file.ts';
import type { DemoIssuerSummary } from '../types.ts';
import { demoUrls } from '../urls.ts';

/** Where each demo issuer is, as a registry would say it (the catalog's "issuer's region" reads it). */
const LOCATIONS: Record<string, string> = {
  'riverbend-state': 'Columbus, OH',
  'lakeshore-tech': 'Cleveland, Ohio',
  'great-plains-workforce': 'Omaha, NE',
  'northwind-cyber': 'Minneapolis, MN',
  'harborview-health': 'Baltimore, MD',
  'summit-logistics': 'Denver, CO',
  'pioneer-valley': 'Springfield, MA',
  'cascade-green': 'Portland, OR',
};

export function demoRegistry(issuers: readonly DemoIssuerSummary[], issuerBaseUrl: string): Record<string, unknown> {
  const urls = demoUrls(issuerBaseUrl);
  return {
    format: DIRECTORY_FORMAT,
    version: 1,
    name: 'Demo workforce registry',
    issuers: issuers.map((issuer) => ({
      ids: [issuer.id],
      name: issuer.name,
      image: urls.image(issuer.slug),
      url: issuer.homepage,
      ...(LOCATIONS[issuer.slug] ? { location: LOCATIONS[issuer.slug] } : {}),
      origins: [`${urls.root}/${issuer.method.startsWith('ob3-') ? 'ob3' : 'ob2'}/${issuer.slug}/`],
      status: 'RECOGNIZED',
    })),
  };
}
