/** Dates, verification methods and labels in words people read. */
import { frameworkNames } from './frameworks.svelte';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
}

/** What each verification method checked. */
const METHODS: Record<string, string> = {
  'ob3-eddsa-rdfc-2022': "the issuer's digital signature on an Open Badges 3.0 credential (Data Integrity, eddsa-rdfc-2022)",
  'ob3-ed25519-signature-2020': "the issuer's digital signature on an Open Badges 3.0 credential (Ed25519Signature2020)",
  'ob3-ed25519-signature-2018': "the issuer's digital signature on an Open Badges 3.0 credential (Ed25519Signature2018)",
  'ob3-eddsa-2022': "the issuer's digital signature on an Open Badges 3.0 credential (Data Integrity, eddsa-2022)",
  'ob3-vc-jwt': "the issuer's signature on an Open Badges 3.0 credential (VC-JWT)",
  'sd-jwt-vc': "the issuer's signature on a selective-disclosure credential (SD-JWT) and each disclosed claim",
  'ob2-hosted': "the assertion hosted on the issuer's own site (Open Badges 2.0)",
  'ob1-hosted': "the assertion hosted on the issuer's own site (Open Badges 1.0)",
  'ob2-signed': "the issuer's signature on an Open Badges 2.0 assertion",
  import: 'nothing: imported from a platform export without proof',
};

export function methodText(method: string | null | undefined): string {
  if (!method) return 'the credential';
  return METHODS[method] ?? method;
}

/** One sentence saying what was checked, how and when. */
export function verificationSentence(v: {
  status: string;
  method: string | null;
  checkedAt: string | null;
  reasons: readonly string[];
}): string {
  const when = v.checkedAt ? ` Last checked ${formatDate(v.checkedAt)}.` : '';
  if (v.status === 'VERIFIED')
    return `Verified: we checked ${methodText(v.method)}, that it was issued to this person, and that it is not revoked or expired.${when}`;
  if (v.status === 'EXPIRED')
    return `Expired: we checked ${methodText(v.method)} and that it was issued to this person; its end date has passed.${when}`;
  if (v.status === 'FAILED')
    return `Not verified: the check failed (${v.reasons.join(', ').toLowerCase().replace(/_/g, ' ') || 'unknown reason'}).${when}`;
  return `Unverified: no proof could be checked.${when}`;
}

const CREDENTIAL_TYPES: Record<string, string> = { badge: 'Badge', 'micro-credential': 'Micro-credential', certificate: 'Certificate' };

export function credentialTypeLabel(type: string): string {
  return CREDENTIAL_TYPES[type] ?? type;
}

export function locationText(location: { city: string; region: string } | null | undefined): string {
  return location ? `${location.city}, ${location.region.replace(/^[A-Z]{2}-/, '')}` : '';
}

export const WORK_TYPES = ['full-time', 'part-time', 'apprenticeship', 'internship', 'contract', 'remote'] as const;

export function workTypeLabel(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1).replace('-', ' ');
}

/** "Expired on …" once the end date has passed, "Expires …" before. */
export function expiryText(expiresOn: string, now: Date = new Date()): string {
  const date = new Date(expiresOn);
  return `${date.getTime() <= now.getTime() ? 'Expired on' : 'Expires'} ${formatDate(expiresOn)}`;
}

/** A taxonomy framework by the short name the API serves for it (mappings/frameworks.ts is the one table). */
export function frameworkName(id: string): string {
  // Fetched once, on first use; the label updates when the list arrives.
  void frameworkNames.load();
  return frameworkNames.shortName(id);
}
