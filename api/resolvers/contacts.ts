/** Fields of contacts.graphql: contact requests between employers and earners. */
import type { ContactRequestDocument } from '../../mappings/contacts.ts';
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import { DIRECTORY_ROLES } from '../services/access.ts';
import type { ResolverMap } from './types.ts';

export const contactResolvers: ResolverMap = {
  Query: {
    myContactRequests: async (_parent, args: PageArgs, ctx) => pageOf(await ctx.services.contacts.myContactRequests(), args),
  },
  Mutation: {
    contactEarner: (_parent, args: { earnerId: string; message: string }, ctx) =>
      ctx.services.contacts.contactEarner(args.earnerId, args.message),
    respondToContact: (_parent, args: { id: string; accept: boolean }, ctx) => ctx.services.contacts.respondToContact(args.id, args.accept),
  },
  ContactRequest: {
    // Through the directory's privacy rules: null for an earner no longer listed (and for earners reading their own requests).
    earner: (request: ContactRequestDocument, _args, ctx) =>
      DIRECTORY_ROLES.includes(ctx.viewer.role) ? ctx.services.directory.earner(request.earnerId) : null,
  },
  RevealedChannel: {
    channel: (revealed: NonNullable<ContactRequestDocument['revealedChannel']>) => revealed.channel.toUpperCase(),
  },
};
