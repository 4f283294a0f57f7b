import { describe, expect, it } from 'vitest';
import { claimLink, claimTokenProblem, looksLikeClaimToken, newClaimToken } from '../../api/accounts/claim-token.ts';
import { accountIdFor, isEmailAddress } from '../../api/accounts/identity.ts';
import { bearerToken } from '../../api/accounts/session.ts';
import { reserveContact } from '../../api/contacts/rate-limit.ts';
import { credentialEmail } from '../../api/contacts/contact-input.ts';
import { contactValueProblem } from '../../api/settings/contact-value.ts';
import { applySettingsInput } from '../../api/settings/settings-input.ts';
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';

const NOW = new Date('2026-06-15T12:00:00Z');

describe('account rules (pure)', () => {
  it('gives one account id per address, whatever its case', () => {
    expect(accountIdFor(' Ada@Example.org ')).toBe(accountIdFor('ada@example.org'));
    expect(accountIdFor('ada@example.org')).not.toBe(accountIdFor('bo@example.org'));
    expect(isEmailAddress('ada@example.org')).toBe(true);
    for (const bad of ['ada', 'ada@', '@example.org', 'a b@example.org', 'ada@example']) expect(isEmailAddress(bad)).toBe(false);
  });

  it('reads only well-formed Bearer headers', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('  ')).toBeUndefined();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
  });

  it('makes 43-character one-time tokens and knows used and expired ones', () => {
    const { token, hash } = newClaimToken();
    expect(looksLikeClaimToken(token)).toBe(true);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(claimLink('https://talent.test', token)).toBe(`https://talent.test/claim?token=${token}`);
    const doc = {
      tokenHash: hash,
      earnerId: 'e',
      email: 'e@example.org',
      createdAt: '2026-06-15T00:00:00Z',
      expiresAt: '2026-06-16T00:00:00Z',
    };
    expect(claimTokenProblem(doc, NOW)).toBeUndefined();
    expect(claimTokenProblem(doc, new Date('2026-06-16T00:00:00Z'))).toBe('expired');
    expect(claimTokenProblem({ ...doc, usedAt: '2026-06-15T01:00:00Z' }, NOW)).toBe('used');
  });

  it('checks contact values per channel', () => {
    expect(contactValueProblem('email', 'ada@example.org')).toBeUndefined();
    expect(contactValueProblem('phone', '+1-555-0123')).toBeUndefined();
    expect(contactValueProblem('phone', '+49 (30) 1234 5678')).toBeUndefined();
    expect(contactValueProblem('url', 'https://portfolio.example.org/ada')).toBeUndefined();
    expect(contactValueProblem('email', '+1-555-0123')).toMatch(/email/);
    expect(contactValueProblem('phone', '+1 2345 6789 0123 4567')).toMatch(/15 digits/);
    expect(contactValueProblem('url', 'http://portfolio.example.org')).toMatch(/https/);
    expect(contactValueProblem('url', 'https://localhost/')).toMatch(/https/);
  });

  it('keeps fields left out, clears fields sent as null, and clears the value with the channel', () => {
    const current = {
      ...defaultDirectorySettings('e', NOW),
      listed: true,
      contactable: true,
      contactChannel: 'email' as const,
      contactValue: 'e@example.org',
      headline: 'Welder',
    };
    expect(applySettingsInput(current, {}, NOW)).toEqual({ ...current, updatedAt: NOW.toISOString() });
    expect(applySettingsInput(current, { headline: null }, NOW).headline).toBeUndefined();
    const cleared = applySettingsInput(current, { contactChannel: null, contactable: false }, NOW);
    expect([cleared.contactChannel, cleared.contactValue, cleared.contactable]).toEqual([undefined, undefined, false]);
    // A new channel needs its own value: the old email is no phone number.
    expect(() => applySettingsInput(current, { contactChannel: 'PHONE' }, NOW)).toThrow(/contactValue/);
    expect(applySettingsInput(current, { contactValue: 'new@example.org' }, NOW).contactValue).toBe('new@example.org');
  });

  it('accepts known US regions and well-formed regions elsewhere, normalizing case', () => {
    const base = defaultDirectorySettings('e', NOW);
    expect(applySettingsInput(base, { location: { city: 'Berlin', region: 'de-be', country: 'de' } }, NOW).location).toEqual({
      city: 'Berlin',
      region: 'DE-BE',
      country: 'DE',
    });
    expect(
      applySettingsInput(base, { location: { city: 'Toledo', region: 'US-OH', country: 'US', lat: 41.65, lon: -83.54 } }, NOW).location,
    ).toEqual({ city: 'Toledo', region: 'US-OH', country: 'US', geo: { lat: 41.65, lon: -83.54 } });
    expect(() => applySettingsInput(base, { location: { city: 'Nowhere', region: 'US-ZZ', country: 'US' } }, NOW)).toThrow(/US-ZZ/);
  });

  it('rate-limits on a sliding window from the oldest request in it', () => {
    const day = 86_400_000;
    const old = '2026-06-10T00:00:00.000Z';
    const earliest = '2026-06-15T02:00:00.000Z';
    const later = '2026-06-15T05:00:00.000Z';
    // Times older than the window are dropped; room left: now is added.
    expect(reserveContact([old, later, earliest], 3, day, NOW)).toEqual({ allowed: true, sentAt: [earliest, later, NOW.toISOString()] });
    // Full: the oldest request in the window leaves it first.
    expect(reserveContact([later, earliest, '2026-06-15T06:00:00.000Z'], 3, day, NOW)).toEqual({
      allowed: false,
      retryAt: new Date('2026-06-16T02:00:00Z'),
    });
  });

  it('notifies an unclaimed earner at the first email identity of their credentials', () => {
    expect(credentialEmail(['did:key:z6Mk', 'email:b@example.org', 'email:a@example.org'])).toBe('a@example.org');
    expect(credentialEmail(['did:key:z6Mk'])).toBeUndefined();
  });
});
