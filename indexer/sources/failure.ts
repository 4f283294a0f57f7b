/** A `NormalizedCredential` standing for input that could not be read as a credential. */
import { buildResult, type Finding } from '../verify/result.ts';
import type { CredentialFormat, NormalizedCredential, VerificationMethod } from '../verify/types.ts';

/**
 * Unreadable input still yields one item, FAILED with its findings, so the
 * caller can report it. `format` is the best guess from the container
 * (the type has no "unknown" member); identity fields are empty.
 */
export function failedCredential(
  source: string,
  format: CredentialFormat,
  findings: Finding[],
  now: Date,
  method: VerificationMethod | null = null,
): NormalizedCredential {
  return {
    id: source,
    format,
    source,
    recipient: { type: 'id', identity: '', hashed: false },
    issuer: { id: '', name: '' },
    achievement: { id: '', name: '', tags: [], alignments: [] },
    evidence: [],
    issuedOn: '',
    verification: buildResult(method, findings, now),
  };
}
