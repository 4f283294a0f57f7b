/** Fields of settings.graphql: the signed-in earner's settings, profile and data. */
import type { EarnerLocation } from '../../mappings/earners.ts';
import type { DirectorySettingsDocument } from '../../mappings/directory-settings.ts';
import { pageOf, type PageArgs } from '../graphql/list-page.ts';
import type { DirectorySettingsArgs } from '../settings/settings-input.ts';
import type { ResolverMap } from './types.ts';

const ownLocation = (location: EarnerLocation | undefined) =>
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
    updateDirectorySettings: (_parent, args: { input: DirectorySettingsArgs }, ctx) =>
      ctx.services.settings.updateDirectorySettings(args.input),
    deleteMyData: (_parent, args: { confirm: string }, ctx) => ctx.services.myData.deleteMyData(args.confirm),
  },
  DirectorySettings: {
    contactChannel: (settings: DirectorySettingsDocument) => settings.contactChannel?.toUpperCase() ?? null,
    location: (settings: DirectorySettingsDocument) => ownLocation(settings.location),
  },
  MyProfile: {
    location: (profile: { location?: EarnerLocation }) => ownLocation(profile.location),
    badges: (profile: { badges: unknown[] }, args: PageArgs) => pageOf(profile.badges, args),
    badgeCount: (profile: { badges: unknown[] }) => profile.badges.length,
  },
};
