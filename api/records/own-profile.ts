/** What an earner sees of their own profile: every badge, hidden ones too, with what employers see. Pure. */
import type { DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import type { EarnerDocument, EarnerLocation, VerificationStatus } from '../../mappings/earners.ts';

export interface OwnBadge {
  credentialId: string;
  badgeClassId: string;
  name: string;
  issuerName: string;
  credentialType: string;
  issuedOn: string;
  verificationStatus: VerificationStatus;
  /** The earner chose to hide it. */
  hidden: boolean;
  /** Employers see it now (listed and not hidden). */
  shown: boolean;
}

export interface OwnProfile {
  earnerId: string;
  name: string;
  headline?: string;
  location?: EarnerLocation;
  listed: boolean;
  contactable: boolean;
  badges: OwnBadge[];
}

export function ownProfile(document: EarnerDocument, settings: DirectorySettingsDocument): OwnProfile {
  const hidden = new Set(settings.hiddenBadges);
  return {
    earnerId: document.earnerId,
    name: document.name,
    ...(document.headline ? { headline: document.headline } : {}),
    ...(document.location ? { location: document.location } : {}),
    listed: document.directory.listed,
    contactable: document.directory.contactable,
    badges: document.badges.map((b) => ({
      credentialId: b.credentialId,
      badgeClassId: b.badgeClassId,
      name: b.name,
      issuerName: b.issuerName,
      credentialType: b.credentialType,
      issuedOn: b.issuedOn,
      verificationStatus: b.verification.status,
      hidden: hidden.has(b.credentialId),
      shown: b.visible,
    })),
  };
}
