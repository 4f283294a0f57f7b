/**
 * Every resolver file, merged by Apollo into one resolver map. A new file
 * (a GraphQL type, or a group of Query/Mutation fields) adds one line here.
 */
import { accountRequestResolvers } from '../account-requests/resolvers.ts';
import { catalogResolvers } from '../catalog/resolvers.ts';
import { occupationResolvers } from '../occupations/resolvers.ts';
import { pathwayProgressResolvers } from './pathway-progress.ts';
import { previewResolvers } from '../my-preview/resolvers.ts';
import { badgeClassResolvers } from './badge-class.ts';
import { contactResolvers } from './contacts.ts';
import { earnerResolvers } from './earner.ts';
import { earnerBadgeResolvers } from './earner-badge.ts';
import { earnerHitResolvers } from './earner-hit.ts';
import { facetValueResolvers } from './facet-value.ts';
import { issuerRegistryResolvers } from './issuers.ts';
import { accountResolvers } from './mutation-accounts.ts';
import { lookupQueryResolvers } from './query-lookups.ts';
import { searchQueryResolvers } from './query-search.ts';
import { reportResolvers } from '../reports/resolvers.ts';
import { savedSearchResolvers } from '../saved-searches/resolvers.ts';
import { settingsResolvers } from './settings.ts';
import { shortlistResolvers } from '../shortlists/resolvers.ts';
import { myCredentialResolvers } from '../my-credentials/resolvers.ts';
import { didAuthResolvers } from '../did-auth/resolvers.ts';
import { issuerKeyResolvers } from '../issuer-push/resolvers.ts';
import { messageTemplateResolvers } from '../message-templates/resolvers.ts';
import { skillResolvers } from './skill.ts';
import type { ResolverMap } from './types.ts';
import { viewerResolvers } from './viewer.ts';

export const resolverRegistry: ResolverMap[] = [
  viewerResolvers,
  searchQueryResolvers,
  lookupQueryResolvers,
  facetValueResolvers,
  earnerResolvers,
  pathwayProgressResolvers,
  earnerBadgeResolvers,
  earnerHitResolvers,
  badgeClassResolvers,
  skillResolvers,
  accountResolvers,
  settingsResolvers,
  previewResolvers,
  catalogResolvers,
  occupationResolvers,
  contactResolvers,
  reportResolvers,
  issuerRegistryResolvers,
  savedSearchResolvers,
  shortlistResolvers,
  myCredentialResolvers,
  didAuthResolvers,
  issuerKeyResolvers,
  messageTemplateResolvers,
  accountRequestResolvers,
];
