/** Fields of message-templates.graphql. */
import type { ResolverMap } from '../resolvers/types.ts';

export const messageTemplateResolvers: ResolverMap = {
  Query: {
    messageTemplates: (_parent, _args, ctx) => ctx.services.messageTemplates.messageTemplates(),
  },
  Mutation: {
    saveMessageTemplate: (_parent, args, ctx) => ctx.services.messageTemplates.saveMessageTemplate(args.input),
    deleteMessageTemplate: (_parent, args, ctx) => ctx.services.messageTemplates.deleteMessageTemplate(args.id),
  },
};
