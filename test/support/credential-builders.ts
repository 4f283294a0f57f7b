/** Minimal, valid unsigned credentials for tests that sign their own. */

export const OB3_CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

/** An unsigned OB 3.0 OpenBadgeCredential from `issuerId` to `email`. */
export function ob3Credential(
  issuerId: string,
  overrides: Record<string, unknown> = {},
  email = 'ada@example.net',
): Record<string, unknown> {
  return {
    '@context': OB3_CONTEXTS,
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerId, type: ['Profile'], name: 'Test Issuer', url: 'https://issuer.example.net' },
    validFrom: '2024-01-01T00:00:00Z',
    name: 'Rust Fundamentals',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: email }],
      achievement: {
        id: 'https://issuer.example.net/achievements/rust',
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: 'Rust Fundamentals',
        description: 'Writes safe concurrent Rust.',
        criteria: { narrative: 'Passed the exam.' },
        tag: ['rust', 'systems'],
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Rust',
            targetUrl: 'https://example.net/skills/rust',
            targetFramework: 'ESCO',
            targetCode: 'S1.2.3',
          },
        ],
      },
    },
    ...overrides,
  };
}

/** OB 2.0 hosted-badge documents (assertion, badge class, issuer) under `origin`. */
export function ob2HostedDocuments(origin: string, issuerOrigin = origin) {
  const issuer = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Issuer',
    id: `${issuerOrigin}/issuer`,
    name: 'Local Issuer',
    url: issuerOrigin,
    email: 'badges@example.net',
  };
  const badge = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'BadgeClass',
    id: `${origin}/badges/1`,
    name: 'Local Badge',
    description: 'Served over real HTTP.',
    image: `${origin}/badges/1.png`,
    criteria: { narrative: 'Do the thing.' },
    issuer: issuer.id,
    tags: ['http'],
  };
  const assertion = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: `${origin}/assertions/1`,
    recipient: { type: 'email', hashed: false, identity: 'ada@example.net' },
    issuedOn: '2024-02-01T00:00:00Z',
    badge: badge.id,
    verification: { type: 'hosted' },
  };
  return { issuer, badge, assertion };
}
