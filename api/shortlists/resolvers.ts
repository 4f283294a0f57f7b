/** Fields of shortlists.graphql, and the card fields it adds to Earner. */
import { pageOf } from '../graphql/list-page.ts';
import type { ResolverMap } from '../resolvers/types.ts';

export const shortlistResolvers: ResolverMap = {
  Query: {
    shortlists: (_parent, args, ctx) => ctx.services.shortlists.shortlists(args),
    shortlist: (_parent, args, ctx) => ctx.services.shortlists.shortlist(args.id),
  },
  Mutation: {
    createShortlist: (_parent, args, ctx) => ctx.services.shortlists.createShortlist(args.name),
    renameShortlist: (_parent, args, ctx) => ctx.services.shortlists.renameShortlist(args.id, args.name),
    deleteShortlist: (_parent, args, ctx) => ctx.services.shortlists.deleteShortlist(args.id),
    addToShortlist: (_parent, args, ctx) => ctx.services.shortlists.addToShortlist(args.id, args.earnerId, args.note, args.status),
    updateShortlistEntry: (_parent, args, ctx) =>
      ctx.services.shortlists.updateShortlistEntry(args.id, args.earnerId, { note: args.note, status: args.status }),
    removeFromShortlist: (_parent, args, ctx) => ctx.services.shortlists.removeFromShortlist(args.id, args.earnerId),
  },
  Shortlist: {
    entries: (list, args) => pageOf(list.entries, args),
    entryCount: (list) => list.entries.length,
  },
  Earner: {
    shortlistedIn: (earner, _args, ctx) => ctx.services.shortlists.shortlistedIn(earner.id),
    lastContactedAt: (earner, _args, ctx) => ctx.services.shortlists.lastContactedAt(earner.id),
  },
};
