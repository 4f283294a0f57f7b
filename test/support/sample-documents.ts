/** One valid document per index, typed by the contract in mappings/. */
import type { IssuerRegistryDocument } from '../../mappings/issuers.ts';
import type { AccountDocument } from '../../mappings/accounts.ts';
import { indexedBadgeClass, type IndexedBadgeClassDocument } from '../../mappings/badge-classes.ts';
import type { ClaimTokenDocument } from '../../mappings/claim-tokens.ts';
import type { ContactRequestDocument } from '../../mappings/contacts.ts';
import type { PostingDocument } from '../../mappings/postings.ts';
import type { ReportSnapshotDocument } from '../../mappings/report-snapshots.ts';
import type { SearchLogDocument } from '../../mappings/search-log.ts';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { defaultDirectorySettings, type DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import type { EarnerDocument } from '../../mappings/earners.ts';
import type { IndexKind } from '../../mappings/indices.ts';
import type { EmployerSignupDocument } from '../../mappings/employer-signups.ts';
import type { DidChallengeDocument } from '../../mappings/did-challenges.ts';
import type { EarnerDidDocument } from '../../mappings/earner-dids.ts';
import type { PasswordResetDocument } from '../../mappings/password-resets.ts';
import type { OutboxMessageDocument } from '../../mappings/outbox.ts';
import type { IndexedSkillDocument } from '../../mappings/skills.ts';

export const sampleEarner: EarnerDocument = {
  earnerId: 'earner-1',
  name: 'Ada Example',
  headline: 'Industrial maintenance technician',
  location: { city: 'Columbus', region: 'US-OH', country: 'US', geo: { lat: 39.9612, lon: -82.9988 } },
  directory: { listed: true, contactable: true, statsOptIn: true, openTo: ['full-time'] },
  badges: [
    {
      credentialId: 'urn:uuid:1',
      badgeClassId: 'https://issuer.example/achievements/plc',
      name: 'PLC Troubleshooting',
      credentialType: 'badge',
      issuerId: 'did:web:issuer.example',
      issuerName: 'Example Technical College',
      issuerRecognition: 'RECOGNIZED',
      registryIssuerId: 'did:web:issuer.example',
      issuedOn: '2026-03-01T00:00:00Z',
      visible: true,
      verification: { status: 'VERIFIED', reasons: [], method: 'ob3-eddsa-rdfc-2022', checkedAt: '2026-03-02T00:00:00Z' },
      skills: ['onet:2.B.3.h'],
      skillsExpanded: ['onet:2.B.3.h', 'onet:2.B.3', 'onet:2.B'],
      unmappedSkills: [],
      frameworks: ['onet'],
      evidence: [{ url: 'https://issuer.example/evidence/1', narrative: 'Diagnosed a failed conveyor PLC.' }],
      source: 'fixtures/plc.json',
    },
  ],
  public: {
    verified: {
      badgeClasses: ['https://issuer.example/achievements/plc'],
      skills: ['onet:2.B.3.h', 'onet:2.B.3', 'onet:2.B'],
      issuers: ['did:web:issuer.example'],
      frameworks: ['onet'],
      credentialTypes: ['badge'],
    },
    unverified: { badgeClasses: [], skills: [], issuers: [], frameworks: [], credentialTypes: [] },
    failed: { badgeClasses: [], skills: [], issuers: [], frameworks: [], credentialTypes: [] },
    recognizedVerified: {
      badgeClasses: ['https://issuer.example/achievements/plc'],
      skills: ['onet:2.B.3.h', 'onet:2.B.3', 'onet:2.B'],
      issuers: ['did:web:issuer.example'],
      frameworks: ['onet'],
      credentialTypes: ['badge'],
      latestIssuedOn: '2026-03-01T00:00:00Z',
    },
    text: 'PLC Troubleshooting Troubleshooting',
    latestIssuedOn: '2026-03-01T00:00:00Z',
  },
  microCredentials: [{ pathwayId: 'mechatronics', name: 'Mechatronics I', earned: 1, required: 3, completed: false }],
  updatedAt: '2026-03-02T00:00:00Z',
};

export const sampleBadgeClass: IndexedBadgeClassDocument = indexedBadgeClass(
  {
    id: 'https://issuer.example/achievements/plc',
    name: 'PLC Troubleshooting',
    credentialType: 'badge',
    issuerId: 'did:web:issuer.example',
    issuerName: 'Example Technical College',
    tags: ['automation'],
    alignments: [{ targetName: 'Troubleshooting', targetFramework: 'O*NET', targetCode: '2.B.3.h' }],
    skills: ['onet:2.B.3.h'],
    pathways: ['mechatronics'],
  },
  new Date('2026-03-02T00:00:00Z'),
);

export const sampleSkill: IndexedSkillDocument = {
  id: 'onet:2.B.3.h',
  framework: 'onet',
  code: '2.B.3.h',
  kind: 'skill',
  label: 'Troubleshooting',
  altLabels: ['diagnose operating errors'],
  broader: ['onet:2.B.3'],
  ancestors: ['onet:2.B.3', 'onet:2.B'],
  narrower: [],
  related: [],
  suggest: { input: ['Troubleshooting', 'diagnose operating errors'] },
};

export const sampleSettings: DirectorySettingsDocument = {
  ...defaultDirectorySettings('earner-1', new Date('2026-03-02T00:00:00Z')),
  listed: true,
  location: { city: 'Columbus', region: 'US-OH', country: 'US', geo: { lat: 39.9612, lon: -82.9988 } },
};

export const sampleContact: ContactRequestDocument = {
  id: 'contact-1',
  earnerId: 'earner-1',
  employerAccountId: 'employer-1',
  employerName: 'Acme Manufacturing',
  message: 'We are hiring maintenance technicians in Columbus.',
  badges: [{ credentialId: 'urn:uuid:1', name: 'PLC Troubleshooting', issuerName: 'Riverbend State Community College' }],
  status: 'PENDING',
  createdAt: '2026-03-03T00:00:00Z',
};

export const sampleCredential: CredentialDocument = {
  key: 'did:web:issuer.example urn:uuid:1',
  id: 'urn:uuid:1',
  earnerId: 'earner-1',
  identityKeys: ['email:ada@example.org'],
  recipientName: 'Ada Example',
  format: 'ob3-json-ld',
  source: 'fixtures/plc.json',
  issuer: { id: 'did:web:issuer.example', name: 'Example Technical College' },
  achievement: {
    id: 'https://issuer.example/achievements/plc',
    name: 'PLC Troubleshooting',
    credentialType: 'badge',
    tags: ['automation'],
    alignments: [{ targetName: 'Troubleshooting', targetFramework: 'O*NET', targetCode: '2.B.3.h' }],
  },
  skills: ['onet:2.B.3.h'],
  unmappedSkills: [],
  evidence: [],
  issuedOn: '2026-03-01T00:00:00Z',
  verification: { status: 'VERIFIED', reasons: [], method: 'ob3-eddsa-rdfc-2022', checkedAt: '2026-03-02T00:00:00Z' },
  authority: ['did:web:issuer.example', 'did:web:issuer.example#key-1'],
  issuerRecognition: { status: 'RECOGNIZED', entryId: 'did:web:issuer.example', name: 'Example Technical College' },
  raw: Buffer.from('{"id":"urn:uuid:1"}').toString('base64'),
  ingestedAt: '2026-03-02T00:00:00Z',
};

export const sampleAccount: AccountDocument = {
  id: 'acct_0123456789abcdef01234567',
  email: 'hiring@acme.example',
  role: 'employer',
  passwordHash: 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==',
  organisation: 'Acme Manufacturing',
  sessionVersion: 0,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
};

export const sampleClaimToken: ClaimTokenDocument = {
  tokenHash: 'a'.repeat(64),
  earnerId: 'earner-1',
  email: 'ada@example.org',
  createdAt: '2026-03-01T00:00:00Z',
  expiresAt: '2026-03-02T00:00:00Z',
};

export const sampleOutboxMessage: OutboxMessageDocument = {
  id: 'message-1',
  kind: 'claim-link',
  to: 'ada@example.org',
  subject: 'Claim your profile',
  text: 'Open https://talent.example/claim?token=abc to claim your profile.',
  createdAt: '2026-03-01T00:00:00Z',
};

export const samplePosting: PostingDocument = {
  id: 'posting-1',
  title: 'Maintenance Technician',
  employer: 'Acme Manufacturing',
  region: 'US-OH',
  postedOn: '2026-10-01T00:00:00.000Z',
  occupation: '49-9071.00',
  skills: ['onet:2.B.3.k'],
  skillsExpanded: ['onet:2.B.3.k', 'onet:2.B.3', 'onet:2.B'],
  unmappedSkills: ['forklift certification'],
  source: 'postings.csv:row 2',
  ingestedAt: '2026-10-02T00:00:00.000Z',
};

export const sampleSearchLog: SearchLogDocument = {
  at: '2026-10-01T14:00:00.000Z',
  skills: ['onet:2.B.3.k'],
  regions: ['US-OH'],
  resultBucket: 'few',
};

export const sampleReportSnapshotRow: ReportSnapshotDocument = {
  snapshotId: '2026-10-02T02:15:00.000Z',
  takenAt: '2026-10-02T02:15:00.000Z',
  kind: 'row',
  region: 'US-OH',
  postedWithinMonths: 12,
  skillId: 'onet:2.B.3.k',
  framework: 'onet',
  demand: 12,
  supply: 3,
  searches: 7,
  searchesWithFewResults: 2,
};

export const sampleDocuments: Record<IndexKind, { id: string; document: object }> = {
  earners: { id: sampleEarner.earnerId, document: sampleEarner },
  credentials: { id: sampleCredential.key, document: sampleCredential },
  'badge-classes': { id: sampleBadgeClass.id, document: sampleBadgeClass },
  skills: { id: sampleSkill.id, document: sampleSkill },
  pathways: {
    id: 'mechatronics',
    document: {
      id: 'mechatronics',
      name: 'Mechatronics I',
      badgeClasses: ['https://issuer.example/achievements/plc', 'https://issuer.example/achievements/hydraulics'],
      required: 2,
    },
  },
  'directory-settings': { id: sampleSettings.earnerId, document: sampleSettings },
  contacts: { id: sampleContact.id, document: sampleContact },
  accounts: { id: sampleAccount.id, document: sampleAccount },
  'claim-tokens': { id: sampleClaimToken.tokenHash, document: sampleClaimToken },
  outbox: { id: sampleOutboxMessage.id, document: sampleOutboxMessage },
  postings: { id: samplePosting.id, document: samplePosting },
  occupations: {
    id: '15-1252.00',
    document: {
      soc: '15-1252.00',
      occupationId: 'onet:soc:15-1252.00',
      title: 'Software Developers',
      skills: [{ skillId: 'onet:2.B.3.e', importance: 4.1 }],
      technologies: [{ skillId: 'onet:tech:python', hot: true, inDemand: true }],
    },
  },
  'search-log': { id: 'search-1', document: sampleSearchLog },
  issuers: {
    id: 'did:web:issuer.example',
    document: {
      id: 'did:web:issuer.example',
      ids: ['did:web:issuer.example'],
      name: 'Example Technical College',
      image: 'https://issuer.example/logo.png',
      url: 'https://issuer.example',
      origins: ['https://issuer.example'],
      dids: ['did:web:issuer.example'],
      keys: [],
      status: 'RECOGNIZED',
      provenance: { format: 'directory-v1', source: 'Example registry', rank: 0 },
      changedAt: '2026-03-01T00:00:00Z',
    } satisfies IssuerRegistryDocument,
  },
  'report-snapshots': { id: `${sampleReportSnapshotRow.snapshotId}:US-OH:onet:2.B.3.k`, document: sampleReportSnapshotRow },
  'contact-quotas': {
    id: 'acct_employer',
    document: { employerAccountId: 'acct_employer', sentAt: ['2026-06-01T09:00:00.000Z'], updatedAt: '2026-06-01T09:00:00.000Z' },
  },
  'earner-ids': {
    id: 'b5e0c1d3f2a4e6c8b5e0c1d3f2a4e6c8b5e0c1d3f2a4e6c8b5e0c1d3f2a4e6c8',
    document: { identityKey: 'email:ada@example.org', earnerId: sampleEarner.earnerId, assignedAt: '2025-01-01T00:00:00.000Z' },
  },
  'saved-searches': {
    id: 'ss_sample',
    document: {
      id: 'ss_sample',
      employerAccountId: 'acct_employer',
      name: 'Welders in Ohio',
      criteria: { text: 'welding', regions: ['US-OH'], skillsMode: 'ALL' },
      alert: 'daily',
      createdAt: '2026-06-01T09:00:00.000Z',
      lastRunAt: '2026-06-02T09:00:00.000Z',
      lastMatchIds: [sampleEarner.earnerId],
      newMatchCount: 1,
    },
  },
  shortlists: {
    id: 'shortlist-1',
    document: {
      id: 'shortlist-1',
      employerAccountId: 'acct_employer',
      name: 'Welders, spring',
      createdAt: '2026-06-01T09:00:00.000Z',
      updatedAt: '2026-06-01T09:00:00.000Z',
      entries: [
        {
          earnerId: sampleEarner.earnerId,
          status: 'NEW',
          note: 'Strong PLC badges',
          addedAt: '2026-06-01T09:00:00.000Z',
          updatedAt: '2026-06-01T09:00:00.000Z',
        },
      ],
    },
  },
  'issuer-api-keys': {
    id: '3f9a0c2b7d4e8f61',
    document: {
      id: '3f9a0c2b7d4e8f61',
      issuerEntryId: 'did:web:college.example',
      label: 'Registrar nightly export',
      secretHash: 'a'.repeat(64),
      createdAt: '2026-06-01T09:00:00.000Z',
      createdBy: 'acct_admin',
    },
  },
  'message-templates': {
    id: 'acct_employer',
    document: {
      employerAccountId: 'acct_employer',
      updatedAt: '2026-06-01T09:00:00.000Z',
      templates: [
        {
          id: 'template-1',
          name: 'Welding apprenticeship',
          body: 'Hello, we have an opening for a welding apprentice in Columbus.',
          createdAt: '2026-06-01T09:00:00.000Z',
          updatedAt: '2026-06-01T09:00:00.000Z',
        },
      ],
    },
  },
  'password-resets': {
    id: 'b'.repeat(64),
    document: {
      tokenHash: 'b'.repeat(64),
      accountId: sampleAccount.id,
      email: sampleAccount.email,
      purpose: 'reset',
      createdAt: '2026-03-01T00:00:00Z',
      expiresAt: '2026-03-01T01:00:00Z',
    } satisfies PasswordResetDocument,
  },
  'employer-signups': {
    id: 'signup_0123456789abcdef01234567',
    document: {
      id: 'signup_0123456789abcdef01234567',
      email: 'hiring@acme.example',
      organisation: 'Acme Manufacturing',
      contactName: 'Dana Reyes',
      message: 'We hire maintenance technicians in Ohio.',
      status: 'pending',
      createdAt: '2026-03-01T00:00:00Z',
    } satisfies EmployerSignupDocument,
  },
  'did-challenges': {
    id: 'c'.repeat(64),
    document: {
      challengeHash: 'c'.repeat(64),
      accountId: sampleAccount.id,
      earnerId: sampleEarner.earnerId,
      domain: 'talent.example',
      createdAt: '2026-03-01T00:00:00Z',
      expiresAt: '2026-03-01T00:05:00Z',
      usedAt: '2026-03-01T00:01:00Z',
    } satisfies DidChallengeDocument,
  },
  'earner-dids': {
    id: 'd'.repeat(64),
    document: {
      did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      earnerId: sampleEarner.earnerId,
      accountId: sampleAccount.id,
      keyId: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      method: 'did:key',
      linkedAt: '2026-03-01T00:01:00Z',
    } satisfies EarnerDidDocument,
  },
};
