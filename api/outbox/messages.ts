/** The texts of every message the product sends. Pure. */
import type { OutgoingMessage } from './outbox.ts';
import type { ContactBadgeRef } from '../../mappings/contacts.ts';

export function claimLinkMessage(to: string, link: string, validHours: number): OutgoingMessage {
  return {
    kind: 'claim-link',
    to,
    subject: 'Claim your profile in the talent directory',
    text: [
      'Someone (we hope you) asked to claim the talent-directory profile built from the badges issued to this address.',
      '',
      `Open this link to choose a password and claim it (valid for ${validHours} hours, once):`,
      link,
      '',
      'Your profile stays hidden from employers until you choose to list it. If you did not ask for this, ignore this message.',
    ].join('\n'),
  };
}

export function contactRequestMessage(
  to: string,
  employerName: string,
  message: string,
  inboxLink: string,
  badges: readonly ContactBadgeRef[] = [],
): OutgoingMessage {
  return {
    kind: 'contact-request',
    to,
    subject: `${employerName} would like to get in touch`,
    text: [
      `${employerName} found your profile in the talent directory and sent this message:`,
      '',
      message,
      '',
      ...(badges.length > 0
        ? [
            `They are writing about ${badges.length === 1 ? 'your badge' : 'your badges'}:`,
            ...badges.map((b) => `- ${b.name} (${b.issuerName})`),
            '',
          ]
        : []),
      'They do not see your contact details. If you accept, they see only the contact channel you chose in your settings.',
      `Answer here: ${inboxLink}`,
    ].join('\n'),
  };
}

export function contactAnsweredMessage(to: string, accepted: boolean, inboxLink: string): OutgoingMessage {
  return {
    kind: 'contact-answered',
    to,
    subject: accepted ? 'An earner accepted your contact request' : 'An earner declined your contact request',
    text: accepted
      ? `An earner accepted your contact request. Sign in to see the contact channel they shared: ${inboxLink}`
      : `An earner declined your contact request. ${inboxLink}`,
  };
}
