/**
 * The badges a contact request is about: each must be one the employer sees
 * on this earner (the privacy-checked view), so a hidden, withheld or other
 * earner's badge cannot be attached. Every refusal reads the same, so the
 * answer tells nothing about badges the employer does not see. Pure.
 */
import type { ContactBadgeRef } from '../../mappings/contacts.ts';
import { BadInputError } from '../errors.ts';
import type { EarnerView } from '../search/earner-view.ts';

export const NOT_SHOWN = "is not a badge shown on this earner's profile";

/** The shown badges named by `credentialIds`, in the order given; throws naming the first one not shown. */
export function badgesAbout(earner: Pick<EarnerView, 'badges'>, credentialIds: readonly string[]): ContactBadgeRef[] {
  return credentialIds.map((credentialId, index) => {
    const badge = earner.badges.find((b) => b.credentialId === credentialId);
    if (!badge) throw new BadInputError('badges', NOT_SHOWN, `badges[${index}]`);
    return { credentialId, name: badge.name, issuerName: badge.issuerName };
  });
}
