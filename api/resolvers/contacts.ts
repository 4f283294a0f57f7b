/** Fields of contacts.graphql: contact requests between employers and earners. */
import { pageOf } from '../graphql/list-page.ts';
import { graphqlEnum } from './enums.ts';
import type { ResolverMap } from './types.ts';

export const contactResolvers: ResolverMap = {
  Query: {
    myContactRequests: async (_parent, args, ctx) => pageOf(await ctx.services.contacts.myContactRequests(), args),
  },
  Mutation: {
    contactEarner: (_parent, args, ctx) => ctx.services.contacts.contactEarner(args.earnerId, args.message),
    respondToContact: (_parent, args, ctx) => ctx.services.contacts.respondToContact(args.id, args.accept),
  },
  RevealedChannel: {
    channel: (revealed) => graphqlEnum(revealed.channel),
  },
};
