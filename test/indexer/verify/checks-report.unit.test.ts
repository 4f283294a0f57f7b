/**
 * `indexer verify --json` reports, per credential, the checks that ran and
 * how each came out (pure attribution, and end to end on third-party and
 * 1EdTech fixtures).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import { checkOutcomes } from '../../../indexer/verify/checks.ts';
import { createResolver } from '../../../indexer/verify/resolver.ts';
import { repoRoot } from '../../support/credential-fixtures.ts';

describe('check outcomes', () => {
  it('attributes findings to their checks; an unusable key leaves the proof unchecked; a missing issuer profile leaves status and scope unchecked', () => {
    expect(checkOutcomes([{ reason: 'REVOKED' }], ['proof', 'key', 'status', 'dates'])).toEqual([
      { check: 'proof', outcome: 'passed' },
      { check: 'key', outcome: 'passed' },
      { check: 'status', outcome: 'failed', reasons: ['REVOKED'] },
      { check: 'dates', outcome: 'passed' },
    ]);
    expect(checkOutcomes([{ reason: 'ISSUER_UNREACHABLE', check: 'key' }], ['proof', 'key'])).toEqual([
      { check: 'proof', outcome: 'not-checked' },
      { check: 'key', outcome: 'not-checked', reasons: ['ISSUER_UNREACHABLE'] },
    ]);
    expect(checkOutcomes([{ reason: 'ISSUER_UNREACHABLE' }], ['documents', 'scope', 'status'])).toEqual([
      { check: 'documents', outcome: 'not-checked', reasons: ['ISSUER_UNREACHABLE'] },
      { check: 'scope', outcome: 'not-checked' },
      { check: 'status', outcome: 'not-checked' },
    ]);
  });

  it('a revoked third-party credential read offline lists every check it ran', async () => {
    const status = path.join(repoRoot, 'test', 'fixtures', 'dcc', 'status') + '/';
    const resolver = createResolver({
      allowNetwork: false,
      mappings: [
        {
          prefix: 'https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/',
          target: status,
        },
      ],
    });
    const bytes = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'dcc', 'v1-revoked.json'));
    const [c] = await readCredentials({ source: 'v1-revoked.json', bytes }, { resolver, recipient: 'sam@example.org' });
    expect(c?.verification.checks).toEqual([
      { check: 'shape', outcome: 'passed' },
      { check: 'badge', outcome: 'passed' },
      { check: 'contexts', outcome: 'passed' },
      { check: 'proof', outcome: 'passed' },
      { check: 'key', outcome: 'passed' },
      { check: 'status', outcome: 'failed', reasons: ['REVOKED'] },
      { check: 'dates', outcome: 'passed' },
      { check: 'recipient', outcome: 'passed' },
    ]);
  });
});
