/**
 * Which copy of one stored credential (same issuer id, same credential id)
 * stays: the rule `keepsOver` applies at ingest. Pure.
 */
import { describe, expect, it } from 'vitest';
import { keptBecause } from '../../indexer/ingest/prepare.ts';

const verified = (authority: string[]) => ({ verification: { status: 'VERIFIED', reasons: [] }, authority });
const tampered = { verification: { status: 'FAILED', reasons: ['BAD_SIGNATURE'] }, authority: [] };
const revoked = (authority: string[]) => ({ verification: { status: 'FAILED', reasons: ['REVOKED'] }, authority });

describe('which copy of a credential stays', () => {
  it('a newer copy proven by the same signer replaces the stored one, also when it is now revoked', () => {
    expect(
      keptBecause(
        verified(['did:web:board.example', 'did:web:board.example#key-1']),
        verified(['did:web:board.example', 'did:web:board.example#key-2']),
      ),
    ).toBeUndefined();
    expect(keptBecause(verified(['https://board.example/a/1.json']), revoked(['https://board.example/a/1.json']))).toBeUndefined();
  });

  it('a copy that does not verify never replaces an authentic one', () => {
    expect(keptBecause(verified(['did:web:board.example']), tampered)).toBe('NOT_AUTHENTIC');
  });

  it('an authentic copy proven by another signer (claiming the same issuer id) never replaces the stored one', () => {
    // E.g. an OB 2.0 assertion hosted elsewhere whose embedded issuer profile claims the board's id.
    expect(
      keptBecause(verified(['https://board.example/assertions/1.json']), verified(['https://elsewhere.example/assertions/1.json'])),
    ).toBe('OTHER_SIGNER');
  });

  it('a stored copy that proves nobody (an import, a tampered copy) is replaced by the newer one', () => {
    expect(
      keptBecause({ verification: { status: 'UNVERIFIED', reasons: ['NO_PROOF'] }, authority: [] }, verified(['did:web:board.example'])),
    ).toBeUndefined();
    expect(keptBecause(tampered, verified(['did:web:board.example']))).toBeUndefined();
  });
});
