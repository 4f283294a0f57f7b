/**
 * Access to the 1EdTech test credentials shipped in test/fixtures/1edtech
 * (Apache-2.0, see its README) and the offline resolution they need.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createResolver, type ResolveMapping, type Resolver, type ResolverOptions } from '../../indexer/verify/resolver.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesRoot = path.resolve(repoRoot, 'test', 'fixtures', '1edtech');

/** The URL the Bitstring Status List fixture points at (upstream repository). */
export const UPSTREAM_TESTLIST_URL =
  'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist';

/** The id every hosted OB 2.0 fixture assertion carries. */
export const HOSTED_ASSERTION_ID = 'https://example.org/beths-robotics-badge.json';

export function fixturePath(relative: string): string {
  return path.join(fixturesRoot, relative);
}

export function readFixture(relative: string): Uint8Array {
  return readFileSync(fixturePath(relative));
}

/**
 * Offline resolution of the fixtures: example.org URLs onto `ob20/assets/`,
 * the hosted assertion id onto `hostedAssertion` (the file served at its id),
 * the status list URL onto `ob30/bit-string-list/testlist`. No network.
 */
export function fixtureResolver(hostedAssertion = 'ob20/basic-assertion.json'): Resolver {
  return createResolver(fixtureResolverOptions(hostedAssertion));
}

/** The settings of `fixtureResolver` (plain data, e.g. for verification worker threads). */
export function fixtureResolverOptions(hostedAssertion = 'ob20/basic-assertion.json'): ResolverOptions {
  const assets = fixturePath('ob20/assets');
  const mappings: ResolveMapping[] = [
    { prefix: HOSTED_ASSERTION_ID, target: fixturePath(hostedAssertion) },
    { prefix: 'https://example.org/', target: assets },
    { prefix: 'http://example.org/', target: assets },
    { prefix: 'https://www.example.org/', target: assets },
    { prefix: UPSTREAM_TESTLIST_URL, target: fixturePath('ob30/bit-string-list/testlist') },
  ];
  return { mappings, allowNetwork: false };
}
