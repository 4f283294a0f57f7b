/** Fields of contacts.graphql: contact requests between employers and earners. */
import { pageOf } from '../graphql/list-page.ts';
import { graphqlEnum } from './enums.ts';
import { DIRECTORY_ROLES } from '../services/access.ts';
import type { ResolverMap } from './types.ts';

export const contactResolvers: ResolverMap = {
  Query: {
    myContactRequests: async (_parent, args, ctx) => pageOf(await ctx.services.contacts.myContactRequests(), args),
  },
  Mutation: {
    contactEarner: (_parent, args, ctx) => ctx.services.contacts.contactEarner(args.earnerId, args.message, args.badges),
    respondToContact: (_parent, args, ctx) => ctx.services.contacts.respondToContact(args.id, args.accept),
  },
  ContactRequest: {
    badges: (request) => request.badges ?? [],
    // Through the directory's privacy rules: null for an earner no longer listed (and for earners reading their own requests).
    earner: (request, _args, ctx) => (DIRECTORY_ROLES.includes(ctx.viewer.role) ? ctx.services.directory.earner(request.earnerId) : null),
  },
  RevealedChannel: {
    channel: (revealed) => graphqlEnum(revealed.channel),
  },
};
