/**
 * How an earner document is derived from the systems of record: the earner's
 * accepted credentials and their directory settings. It lives in the contract
 * because both sides need the one rule: the indexer builds documents with it,
 * and the API rebuilds one at once when an earner changes a setting. Pure:
 * the taxonomy comes in as a small lookup, so the rules (visibility,
 * verification, facets, pathways) can be tested alone.
 */
import { coarseLocation } from './coarse-location.ts';
import type { CredentialDocument } from './credentials.ts';
import type { DirectorySettingsDocument } from './directory-settings.ts';
import {
  employerVerificationStatus,
  type EarnerBadge,
  type EarnerDocument,
  type PublicFacetValues,
  type VerificationStatus,
} from './earners.ts';
import { pathwayProgress, type PathwayDefinition } from './pathways.ts';

/** What the builder needs of the taxonomy. */
export interface SkillLookup {
  ancestors(id: string): readonly string[];
  label(id: string): string | undefined;
}

export interface EarnerInput {
  earnerId: string;
  credentials: readonly CredentialDocument[];
  /** The earner's consent; absent means never set: hidden. */
  settings?: DirectorySettingsDocument;
  skills: SkillLookup;
  pathways: readonly PathwayDefinition[];
  now: Date;
}

const frameworkOf = (skillId: string): string => skillId.slice(0, skillId.indexOf(':'));
const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

function toBadge(c: CredentialDocument, visible: boolean, skills: SkillLookup): EarnerBadge {
  const recognition = c.issuerRecognition ?? { status: 'UNKNOWN' };
  const expanded = unique(c.skills.flatMap((id) => [id, ...skills.ancestors(id)]));
  return {
    credentialId: c.id,
    badgeClassId: c.achievement.id,
    name: c.achievement.name,
    ...(c.achievement.description ? { description: c.achievement.description } : {}),
    ...(c.achievement.criteria ? { criteria: c.achievement.criteria } : {}),
    ...(c.achievement.image ? { image: c.achievement.image } : {}),
    credentialType: c.achievement.credentialType,
    issuerId: c.issuer.id,
    // A recognized issuer is named as the registry names it, never as a credential does.
    issuerName: recognition.status === 'RECOGNIZED' && recognition.name ? recognition.name : c.issuer.name,
    issuerRecognition: recognition.status,
    ...(recognition.entryId ? { registryIssuerId: recognition.entryId } : {}),
    issuedOn: c.issuedOn,
    ...(c.expiresOn ? { expiresOn: c.expiresOn } : {}),
    visible,
    verification: {
      status: c.verification.status,
      reasons: c.verification.reasons,
      method: c.verification.method,
      checkedAt: c.verification.checkedAt,
    },
    skills: c.skills,
    skillsExpanded: expanded,
    unmappedSkills: c.unmappedSkills,
    frameworks: unique(c.skills.map(frameworkOf)),
    evidence: c.evidence,
    source: c.source,
  };
}

function facetValues(badges: readonly EarnerBadge[]): PublicFacetValues {
  return {
    badgeClasses: unique(badges.map((b) => b.badgeClassId)),
    skills: unique(badges.flatMap((b) => b.skillsExpanded)),
    issuers: unique(badges.map((b) => b.issuerId)),
    frameworks: unique(badges.flatMap((b) => b.frameworks)),
    credentialTypes: unique(badges.map((b) => b.credentialType)),
  };
}

/**
 * The newest credential per stored identity wins (the same badge ingested
 * twice is one badge); two issuers' credentials that share an id are two badges.
 */
function dedupe(credentials: readonly CredentialDocument[]): CredentialDocument[] {
  const byId = new Map<string, CredentialDocument>();
  for (const c of credentials) {
    const seen = byId.get(c.key);
    if (!seen || seen.ingestedAt <= c.ingestedAt) byId.set(c.key, c);
  }
  return [...byId.values()].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || a.id.localeCompare(b.id));
}

/** Null for an earner who deleted their data: they are kept out of the index. */
export function buildEarnerDocument(input: EarnerInput): EarnerDocument | null {
  const { settings, skills } = input;
  if (settings?.deleted) return null;
  const listed = settings?.listed ?? false;
  const hidden = new Set(settings?.hiddenBadges ?? []);
  const credentials = dedupe(input.credentials);
  // Employers never see a revoked, tampered or otherwise failed badge, whatever the earner chose.
  const badges = credentials.map((c) =>
    toBadge(c, listed && !hidden.has(c.id) && employerVerificationStatus(c.verification) !== null, skills),
  );
  const shown = badges.filter((b) => b.visible);
  const byStatus = (status: VerificationStatus) => facetValues(shown.filter((b) => b.verification.status === status));
  // Pathways count only badges an employer can trust: verified, from a recognized issuer.
  const verifiedShown = shown.filter((b) => b.verification.status === 'VERIFIED' && b.issuerRecognition === 'RECOGNIZED');
  const textOf = (badges: readonly EarnerBadge[]) =>
    unique([
      ...badges.map((b) => b.name),
      ...badges.flatMap((b) => b.skills.map((id) => skills.label(id) ?? '')),
      ...badges.flatMap((b) => b.unmappedSkills),
    ])
      .filter(Boolean)
      .join(' \n');
  // An unknown issuer's badge names must not make an earner match a default (recognized-only) text search.
  const text = textOf(shown.filter((b) => b.issuerRecognition === 'RECOGNIZED'));
  const textUnrecognized = textOf(shown.filter((b) => b.issuerRecognition !== 'RECOGNIZED'));
  const latestOf = (badges: readonly EarnerBadge[]) =>
    badges
      .map((b) => b.issuedOn)
      .sort()
      .at(-1);
  const latest = latestOf(shown);
  // Before the earner claims the profile, only a recognized issuer's authentic credential may name them.
  const name =
    settings?.displayName ??
    credentials.find((c) => c.recipientName && c.issuerRecognition?.status === 'RECOGNIZED' && c.authority?.length)?.recipientName ??
    'Unnamed earner';

  return {
    earnerId: input.earnerId,
    name,
    ...(settings?.headline ? { headline: settings.headline } : {}),
    // Never the exact point the earner gave: `near` searches must not locate anyone to the metre.
    ...(settings?.location ? { location: coarseLocation(settings.location) } : {}),
    directory: {
      listed,
      contactable: listed && (settings?.contactable ?? false),
      statsOptIn: settings?.statsOptIn ?? false,
      openTo: settings?.openTo ?? [],
    },
    badges,
    public: {
      verified: byStatus('VERIFIED'),
      unverified: byStatus('UNVERIFIED'),
      failed: byStatus('FAILED'),
      recognizedVerified: {
        ...facetValues(verifiedShown),
        ...(latestOf(verifiedShown) ? { latestIssuedOn: latestOf(verifiedShown) } : {}),
      },
      text,
      ...(textUnrecognized ? { textUnrecognized } : {}),
      ...(latest ? { latestIssuedOn: latest } : {}),
    },
    microCredentials: pathwayProgress(input.pathways, new Set(verifiedShown.map((b) => b.badgeClassId))),
    updatedAt: input.now.toISOString(),
  };
}
