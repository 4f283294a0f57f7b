import { describe, expect, it } from 'vitest';
import { validatePathways } from '../../indexer/runtime/pathways.ts';
import { buildEarnerDocument, type SkillLookup } from '../../mappings/earner-document.ts';
import { employerVerificationStatus } from '../../mappings/earners.ts';
import { pathwayProgress } from '../../mappings/pathways.ts';
import type { CredentialDocument } from '../../mappings/credentials.ts';
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';
import { sampleCredential } from '../support/sample-documents.ts';

const skills: SkillLookup = {
  ancestors: (id) => ({ 'onet:2.B.3.h': ['onet:2.B.3', 'onet:2.B'], 'esco:python': ['esco:programming'] })[id] ?? [],
  label: (id) => ({ 'onet:2.B.3.h': 'Troubleshooting', 'esco:python': 'Python (computer programming)' })[id],
};

function credential(id: string, overrides: Partial<CredentialDocument> = {}): CredentialDocument {
  return { ...sampleCredential, id, key: `did:web:issuer.example ${id}`, ...overrides };
}

const now = new Date('2026-11-01T00:00:00Z');
const listed = { ...defaultDirectorySettings('e-1'), listed: true, contactable: true };

describe('building an earner document', () => {
  it('keeps an earner who never opted in out of every public field', () => {
    const doc = buildEarnerDocument({ earnerId: 'e-1', credentials: [credential('c1')], skills, pathways: [], now })!;
    expect(doc.directory).toEqual({ listed: false, contactable: false, statsOptIn: false, openTo: [] });
    expect(doc.badges.map((b) => b.visible)).toEqual([false]);
    expect(doc.public.verified.skills).toEqual([]);
    expect(doc.public.text).toBe('');
    expect(doc.microCredentials).toEqual([]);
  });

  it("shows an opted-in earner's badges except the hidden ones, with skills expanded to ancestors", () => {
    const doc = buildEarnerDocument({
      earnerId: 'e-1',
      credentials: [
        credential('c1'),
        credential('c2', { achievement: { ...sampleCredential.achievement, id: 'py', name: 'Python I' }, skills: ['esco:python'] }),
      ],
      settings: { ...listed, hiddenBadges: ['c2'] },
      skills,
      pathways: [],
      now,
    })!;
    expect(doc.badges.map((b) => [b.credentialId, b.visible])).toEqual([
      ['c1', true],
      ['c2', false],
    ]);
    expect(doc.public.verified.skills).toEqual(['onet:2.B.3.h', 'onet:2.B.3', 'onet:2.B']);
    expect(doc.public.verified.badgeClasses).toEqual([sampleCredential.achievement.id]);
    expect(doc.public.text).toContain('Troubleshooting');
    expect(doc.public.text).not.toContain('Python');
    expect(doc.badges[1]?.skillsExpanded).toEqual(['esco:python', 'esco:programming']);
    expect(doc.directory.contactable).toBe(true);
  });

  it('shows employers verified and expired-only badges, never revoked, tampered or unverified ones', () => {
    const failure = (id: string, status: 'FAILED' | 'UNVERIFIED', reasons: string[]) =>
      credential(id, {
        verification: { status, reasons, method: 'ob2-signed', checkedAt: '2026-10-01T00:00:00Z' },
        skills: ['esco:python'],
      });
    const expired = failure('c2', 'FAILED', ['EXPIRED']);
    const withheld = [
      failure('c3', 'FAILED', ['REVOKED']),
      failure('c4', 'FAILED', ['EXPIRED', 'BAD_SIGNATURE']),
      failure('c5', 'UNVERIFIED', ['ISSUER_UNREACHABLE']),
    ];
    const doc = buildEarnerDocument({
      earnerId: 'e-1',
      credentials: [credential('c1'), expired, ...withheld],
      settings: listed,
      skills,
      pathways: [],
      now,
    })!;
    expect(Object.fromEntries(doc.badges.map((b) => [b.credentialId, b.visible]))).toEqual({
      c1: true,
      c2: true,
      c3: false,
      c4: false,
      c5: false,
    });
    expect(doc.public.verified.skills).not.toContain('esco:python');
    expect(doc.public.failed.skills).toEqual(['esco:python', 'esco:programming']);
    expect(doc.public.unverified.skills).toEqual([]);
    expect(employerVerificationStatus({ status: 'FAILED', reasons: ['EXPIRED'] })).toBe('EXPIRED');
    expect(employerVerificationStatus({ status: 'FAILED', reasons: ['REVOKED', 'EXPIRED'] })).toBeNull();
    expect(employerVerificationStatus({ status: 'FAILED', reasons: [] })).toBeNull();
  });

  it('counts the same credential ingested twice once, keeping the newest copy', () => {
    const older = credential('c1', {
      ingestedAt: '2026-01-01T00:00:00Z',
      verification: { status: 'VERIFIED', reasons: [], method: 'x', checkedAt: '2026-01-01T00:00:00Z' },
    });
    const newer = credential('c1', {
      ingestedAt: '2026-06-01T00:00:00Z',
      verification: { status: 'FAILED', reasons: ['REVOKED'], method: 'x', checkedAt: '2026-06-01T00:00:00Z' },
    });
    const doc = buildEarnerDocument({ earnerId: 'e-1', credentials: [older, newer], settings: listed, skills, pathways: [], now })!;
    expect(doc.badges).toHaveLength(1);
    expect(doc.badges[0]?.verification.status).toBe('FAILED');
  });

  it('returns null for an earner who deleted their data', () => {
    expect(
      buildEarnerDocument({
        earnerId: 'e-1',
        credentials: [credential('c1')],
        settings: { ...listed, deleted: true },
        skills,
        pathways: [],
        now,
      }),
    ).toBeNull();
  });

  it('records pathway progress from verified badges the earner shows', () => {
    const pathways = [{ id: 'mech', name: 'Mechatronics I', badgeClasses: [sampleCredential.achievement.id, 'py', 'other'], required: 2 }];
    const py = credential('c2', { achievement: { ...sampleCredential.achievement, id: 'py', name: 'Python I' } });
    const doc = buildEarnerDocument({ earnerId: 'e-1', credentials: [credential('c1'), py], settings: listed, skills, pathways, now })!;
    expect(doc.microCredentials).toEqual([{ pathwayId: 'mech', name: 'Mechatronics I', earned: 2, required: 2, completed: true }]);
  });
});

describe('pathways', () => {
  it('reports progress only on pathways the earner has started', () => {
    const defs = [
      { id: 'a', name: 'A', badgeClasses: ['x', 'y', 'z'] },
      { id: 'b', name: 'B', badgeClasses: ['q'] },
    ];
    expect(pathwayProgress(defs, new Set(['x', 'z']))).toEqual([{ pathwayId: 'a', name: 'A', earned: 2, required: 3, completed: false }]);
  });

  it('names the bad pathway and field', () => {
    const { pathways, errors } = validatePathways([
      { id: 'ok', name: 'OK', badgeClasses: ['x'] },
      { id: 'bad', name: 'Bad', badgeClasses: [] },
      { name: 'no id' },
    ]);
    expect(pathways.map((p) => p.id)).toEqual(['ok']);
    expect(errors).toEqual([
      'pathways[1] (bad).badgeClasses: expected a non-empty array of badge class ids',
      'pathways[2].id: expected a non-empty string',
    ]);
    expect(validatePathways({}).errors).toEqual(['pathways: expected a JSON array of pathway definitions']);
  });
});
