/**
 * Contact requests: an employer writes to a listed, contactable earner; the
 * earner accepts or declines; accepting reveals only the channel the earner
 * chose, to that employer only. Hidden earners are "not found", never
 * "hidden", so a request reveals nothing about who is in the directory.
 */
import { randomUUID } from 'node:crypto';
import type { ContactRequestDocument } from '../../mappings/contacts.ts';
import { badgesAbout } from '../contacts/contact-badges.ts';
import { checkContactEarner, checkRespondToContact, credentialEmail } from '../contacts/contact-input.ts';
import { reserveContact } from '../contacts/rate-limit.ts';
import { BadInputError, ForbiddenError, RateLimitedError } from '../errors.ts';
import type { Loaders } from '../loaders.ts';
import { contactAnsweredMessage, contactRequestMessage } from '../outbox/messages.ts';
import type { Platform } from '../platform.ts';
import type { Viewer } from '../viewer.ts';
import { requireContactParty, requireContactSender, requireEarner } from './access.ts';

export interface ContactServiceDependencies {
  platform: Platform;
  loaders: Loaders;
  viewer: Viewer;
  now: () => Date;
}

export function createContactService({ platform, loaders, viewer, now }: ContactServiceDependencies) {
  // Each side answers on its own page: the employer's sent requests, the earner's received ones.
  const inbox = () => `${platform.auth.publicUrl}/contacts`;
  const earnerInbox = () => `${platform.auth.publicUrl}/me/requests`;

  /** Counts and reserves one request in one atomic step (the quota store's conditional write). */
  async function reserveQuota(accountId: string): Promise<void> {
    const { rateLimit, windowHours } = platform.contactLimits;
    const windowMs = windowHours * 3_600_000;
    const at = now();
    const decision = await platform.contactQuotas.reserve(accountId, (sentAt) => reserveContact(sentAt, rateLimit, windowMs, at), at);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAt, `${rateLimit} contact requests per ${windowHours} hours`);
  }

  /** The earner's account address once they claimed their profile, else the address on their credentials. */
  async function earnerAddress(earnerId: string): Promise<string | undefined> {
    const account = await platform.accounts.findByEarner(earnerId);
    if (account) return account.email;
    return credentialEmail((await platform.records.credentialsOf(earnerId)).flatMap((c) => c.identityKeys));
  }

  return {
    async contactEarner(earnerId: string, message: string, badgeIds?: string[] | null): Promise<ContactRequestDocument> {
      const accountId = requireContactSender(viewer);
      const { earnerId: id, message: text, badges: credentialIds } = checkContactEarner({ earnerId, message, badges: badgeIds });
      // The privacy-checked loader: an unlisted earner is indistinguishable from an unknown id.
      const earner = await loaders.earner.load(id);
      if (!earner) throw new BadInputError('earnerId', 'No listed earner has this id.');
      if (!earner.contactable) throw new ForbiddenError('This earner does not accept contact requests.');
      // Only badges this employer sees on this earner (checked before the quota is used).
      const badges = badgesAbout(earner, credentialIds);
      // Only a request that will be sent uses the quota.
      await reserveQuota(accountId);
      const request: ContactRequestDocument = {
        id: randomUUID(),
        earnerId: id,
        employerAccountId: accountId,
        employerName: viewer.organisation ?? viewer.email ?? 'An employer',
        message: text,
        ...(badges.length > 0 ? { badges } : {}),
        status: 'PENDING',
        createdAt: now().toISOString(),
      };
      await platform.contacts.create(request);
      const to = await earnerAddress(id);
      if (to) await platform.outbox.send(contactRequestMessage(to, request.employerName, text, earnerInbox(), badges));
      return request;
    },

    async respondToContact(requestId: string, accept: boolean): Promise<ContactRequestDocument> {
      const earnerId = requireEarner(viewer);
      const { id } = checkRespondToContact({ id: requestId, accept });
      const stored = await platform.contacts.get(id);
      if (!stored || stored.doc.earnerId !== earnerId) throw new BadInputError('id', 'No contact request with this id was sent to you.');
      if (stored.doc.status !== 'PENDING')
        throw new BadInputError('id', `You already ${stored.doc.status === 'ACCEPTED' ? 'accepted' : 'declined'} this request.`);
      let revealedChannel: ContactRequestDocument['revealedChannel'];
      if (accept) {
        const settings = await platform.records.settings(earnerId);
        if (!settings?.contactChannel || !settings.contactValue) {
          throw new BadInputError('accept', 'Choose a contact channel and value in your directory settings before accepting.');
        }
        revealedChannel = { channel: settings.contactChannel, value: settings.contactValue };
      }
      const answered: ContactRequestDocument = {
        ...stored.doc,
        status: accept ? 'ACCEPTED' : 'DECLINED',
        respondedAt: now().toISOString(),
        ...(revealedChannel ? { revealedChannel } : {}),
      };
      if (!(await platform.contacts.replace({ ...stored, doc: answered })))
        throw new BadInputError('id', 'This request was answered meanwhile; reload your requests.');
      const employer = await platform.accounts.get(stored.doc.employerAccountId);
      if (employer) await platform.outbox.send(contactAnsweredMessage(employer.doc.email, accept, inbox()));
      return answered;
    },

    /** Employers see the requests they sent; earners the requests sent to them. */
    async myContactRequests(): Promise<ContactRequestDocument[]> {
      return platform.contacts.list(requireContactParty(viewer));
    },
  };
}

export type ContactService = ReturnType<typeof createContactService>;
