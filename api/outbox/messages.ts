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

export function passwordResetMessage(to: string, link: string, validMinutes: number): OutgoingMessage {
  return {
    kind: 'password-reset',
    to,
    subject: 'Choose a new password for the talent directory',
    text: [
      'Someone (we hope you) asked to reset the password of the talent-directory account of this address.',
      '',
      `Open this link to choose a new password (valid for ${validMinutes} minutes, once):`,
      link,
      '',
      'Choosing a new password signs you out everywhere else. If you did not ask for this, ignore this message: your password stays as it is.',
    ].join('\n'),
  };
}

export function employerSignupReceivedMessage(to: string, organisation: string): OutgoingMessage {
  return {
    kind: 'employer-signup',
    to,
    subject: 'We received your request for an employer account',
    text: [
      `Someone (we hope you) asked for an employer account in the talent directory for ${organisation} at this address.`,
      '',
      'An administrator reviews each request. If it is approved, you will get a link here to choose your password.',
      'If you did not ask for this, ignore this message: nothing is created without an approval.',
    ].join('\n'),
  };
}

export function employerSignupExistingAccountMessage(to: string, resetPage: string): OutgoingMessage {
  return {
    kind: 'employer-signup',
    to,
    subject: 'You already have a talent-directory account',
    text: [
      'Someone (we hope you) asked for an employer account at this address, but the address already has an account.',
      '',
      `Sign in with it; if you forgot the password, ask for a new one here: ${resetPage}`,
      'To change what the account may do, contact an administrator.',
    ].join('\n'),
  };
}

export function employerAccountApprovedMessage(to: string, organisation: string, link: string, validHours: number): OutgoingMessage {
  return {
    kind: 'employer-signup',
    to,
    subject: 'Your employer account is approved',
    text: [
      `The employer account for ${organisation} in the talent directory is approved.`,
      '',
      `Open this link to choose your password (valid for ${validHours} hours, once):`,
      link,
      '',
      'If the link has expired, ask for a new password on the sign-in page.',
    ].join('\n'),
  };
}

export function employerSignupRejectedMessage(to: string, organisation: string, reason: string): OutgoingMessage {
  return {
    kind: 'employer-signup',
    to,
    subject: 'Your request for an employer account',
    text: [
      `The request for an employer account for ${organisation} in the talent directory was not approved.`,
      ...(reason ? ['', `Reason: ${reason}`] : []),
      '',
      'You may send a new request with more details about your organisation.',
    ].join('\n'),
  };
}
