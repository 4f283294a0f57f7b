/** Fields of settings.graphql: the signed-in earner's settings, profile and data. */
import type { EarnerLocation } from '../../mappings/earners.ts';
import type { OwnLocation } from '../generated/resolvers-types.ts';
import { pageOf } from '../graphql/list-page.ts';
import { graphqlEnum } from './enums.ts';
import type { ResolverMap } from './types.ts';

const ownLocation = (location: EarnerLocation | undefined): OwnLocation | null =>
  location
    ? {
        city: location.city,
        region: location.region,
        country: location.country,
        lat: location.geo?.lat ?? null,
        lon: location.geo?.lon ?? null,
      }
    : null;

export const settingsResolvers: ResolverMap = {
  Query: {
    mySettings: (_parent, _args, ctx) => ctx.services.settings.mySettings(),
    myProfile: (_parent, _args, ctx) => ctx.services.settings.myProfile(),
    exportMyData: async (_parent, _args, ctx) => JSON.stringify(await ctx.services.myData.exportMyData()),
  },
  Mutation: {
    updateDirectorySettings: (_parent, args, ctx) => ctx.services.settings.updateDirectorySettings(args.input),
    deleteMyData: (_parent, args, ctx) => ctx.services.myData.deleteMyData(args.confirm),
  },
  DirectorySettings: {
    contactChannel: (settings) => (settings.contactChannel ? graphqlEnum(settings.contactChannel) : null),
    location: (settings) => ownLocation(settings.location),
  },
  MyProfile: {
    location: (profile) => ownLocation(profile.location),
    badges: (profile, args) => pageOf(profile.badges, args),
    badgeCount: (profile) => profile.badges.length,
  },
};
