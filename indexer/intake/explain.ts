/** Plain sentences for intake results: what happened to one item and why, for the person who sent it. Pure. */

/** Reason code -> what it means, in words (the indexer's codes and the intake's own). */
const REASON_WORDS: Record<string, string> = {
  BAD_SIGNATURE: 'its signature does not match its content (it was changed after it was signed, or is forged)',
  UNKNOWN_KEY: 'the key that signed it could not be found',
  KEY_NOT_OWNED_BY_ISSUER: 'it was signed with a key that does not belong to the issuer it names',
  HOSTED_MISMATCH: 'the copy the issuer hosts differs from this one',
  NO_PROOF: 'it carries no signature or hosted copy to check',
  OUT_OF_SCOPE: 'its issuer, key or hosted copy are on different sites',
  UNKNOWN_CONTEXT: 'it uses a JSON-LD context that cannot be checked',
  NOT_FOUND: 'the issuer says it does not exist (404)',
  REVOKED: 'the issuer has revoked it',
  EXPIRED: 'it has expired',
  NOT_YET_VALID: 'it is not valid yet',
  ISSUER_UNREACHABLE: 'the issuer could not be reached to check it',
  STATUS_UNREACHABLE: 'its revocation status could not be checked',
  MALFORMED: 'it could not be read',
  UNSUPPORTED_FORMAT: 'it is not an Open Badge, a CLR, a presentation or an export this directory reads',
  NOT_A_BADGE: 'it is a verifiable credential but not a badge',
  NO_RECIPIENT: 'it names no recipient',
  NO_ACHIEVEMENT: 'it names no badge',
  NO_ISSUER: 'it names no issuer',
  NO_ISSUE_DATE: 'it has no issue date',
  TOO_LARGE: 'it is too large',
  UNREADABLE: 'it could not be read or fetched',
  CONFLICTS_WITH_AUTHENTIC_COPY: 'a verified copy of this credential is already in the directory, and this copy does not verify',
  CONFLICTS_WITH_OTHER_SIGNER: 'a copy signed by someone else is already in the directory',
  BAD_PRESENTATION_SIGNATURE: "it is a presentation whose holder's signature does not verify, so none of the credentials in it was read",
};

export function reasonWords(reason: string): string {
  return REASON_WORDS[reason] ?? reason.toLowerCase().replace(/_/g, ' ');
}

/** "it has expired; the issuer could not be reached" for the first few reasons. */
export function reasonsInWords(reasons: readonly string[]): string {
  const words = [...new Set(reasons)].slice(0, 3).map(reasonWords);
  return words.length > 0 ? words.join('; ') : 'it could not be read';
}

/** "Not added: it has expired; the issuer could not be reached." (with `detail` in brackets when given). */
export function refusedBecause(reasons: readonly string[], detail?: string): string {
  return `Not added: ${reasonsInWords(reasons)}${detail ? ` (${detail.slice(0, 300)})` : ''}.`;
}

/** The result sentence of a stored credential. */
export function addedMessage(status: string, badgeName: string, recognition: string, already: boolean): string {
  const what = already ? `"${badgeName}" was already in your profile` : `Added "${badgeName}"`;
  if (status === 'VERIFIED')
    return `${what}: verified${recognition === 'RECOGNIZED' ? ', from a recognized issuer' : ', from an issuer the directory does not recognize yet'}.`;
  if (status === 'UNVERIFIED')
    return `${what}: stored as unverified (nothing in it could be checked); employers see it only when they ask for unverified badges.`;
  return `${what}: it did not pass every check (for example it expired), so employers do not see it by default.`;
}

/** Why a credential issued to someone else is refused: never names the other recipient. */
export function mismatchMessage(recipientKey: string, email: string): string {
  if (recipientKey.startsWith('did:'))
    return `Not added: it was issued to a DID (${recipientKey.slice(0, 60)}) that is not linked to your profile. If that DID is yours, link it first under "Link a DID" (sign a challenge in your wallet), then add the badge again.`;
  return `Not added: it was issued to someone else, not to your email address ${email}. A badge can be added only by the person it was issued to.`;
}
