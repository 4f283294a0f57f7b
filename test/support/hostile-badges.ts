/**
 * Issuer-provided values an attacker would put in a badge (an issuer, or
 * anyone whose credential gets listed): image URLs and evidence that try to
 * run script, track viewers or reach local files. Planted into one earner's
 * stored document, as the indexer would store a credential carrying them,
 * and taken out again afterwards.
 */
import type { Client } from '@elastic/elasticsearch';
import type { EarnerDocument, Evidence } from '../../mappings/earners.ts';
import { aliasName } from '../../mappings/indices.ts';

/** Image values that must never reach a page. */
export const HOSTILE_IMAGES = [
  'javascript:alert(document.domain)',
  'http://tracker.example/pixel.gif',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  'https://user:secret@images.example/badge.png',
  'file:///etc/passwd',
  '//images.example/badge.png',
] as const;

/** Values that are fine: an https image and a small PNG data: URI. */
export const SAFE_IMAGES = [
  'https://images.example/badge.png',
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
] as const;

export const HOSTILE_EVIDENCE: Evidence[] = [
  {
    id: 'javascript:alert(1)',
    url: 'javascript:alert(1)',
    name: 'Click me',
    narrative: '<script>alert(1)</script><img src=x onerror=alert(2)>',
  },
  { id: 'data:text/html,<script>alert(3)</script>', name: 'Data link', narrative: 'plain' },
  { id: 'https://portfolio.example/work', url: 'https://portfolio.example/work', name: 'Real work', narrative: 'A fine piece of work.' },
];

/** A credential id that is a script URL: it must never become the credential's link. */
export const HOSTILE_CREDENTIAL_ID = 'javascript:alert(document.cookie)//credential';

export interface Planted {
  /** The hostile badge ids in the order of `HOSTILE_IMAGES` then `SAFE_IMAGES`. */
  badges: string[];
  restore(): Promise<void>;
}

/**
 * Adds to the earner copies of their first shown, verified, recognized badge, one per hostile (then
 * safe) image, the first with the hostile evidence and a script URL as its id.
 */
export async function plantHostileBadges(client: Client, prefix: string, earnerId: string): Promise<Planted> {
  const index = aliasName(prefix, 'earners');
  const { _source: original } = await client.get<EarnerDocument>({ index, id: earnerId });
  const doc = structuredClone(original!);
  const images = [...HOSTILE_IMAGES, ...SAFE_IMAGES];
  // A badge every view shows: verified, of a recognized issuer.
  const first = doc.badges.find((b) => b.visible && b.verification.status === 'VERIFIED' && b.issuerRecognition === 'RECOGNIZED');
  if (!first) throw new Error(`earner ${earnerId} shows no verified badge of a recognized issuer`);
  // One copy of a shown badge per image value, newest first (so a card's first page shows them).
  const planted = images.map((image, i) => ({
    ...structuredClone(first),
    credentialId: i === 0 ? HOSTILE_CREDENTIAL_ID : `${first.credentialId}#planted-${i}`,
    issuedOn: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
    image,
    evidence: i === 0 ? HOSTILE_EVIDENCE : [],
  }));
  doc.badges = [...planted, ...doc.badges];
  await client.index({ index, id: earnerId, document: doc, refresh: true });
  return {
    badges: planted.map((b) => b.credentialId),
    restore: async () => {
      await client.index({ index, id: earnerId, document: original, refresh: true });
    },
  };
}
