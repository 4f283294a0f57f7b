/**
 * The per-request GraphQL context: who is asking, fresh DataLoaders (a cache
 * never outlives a request) and the services resolvers call.
 */
import type { Request } from 'express';
import type { SearchEngine } from './engine.ts';
import { DomainError } from './errors.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { UNCONFIGURED_PLATFORM, type Platform } from './platform.ts';
import type { Reporting } from './reporting.ts';
import { createAccountService, type AccountService } from './services/account-service.ts';
import { createClaimService, type ClaimService } from './services/claim-service.ts';
import { createContactService, type ContactService } from './services/contact-service.ts';
import { createDirectoryService, type DirectoryService } from './services/directory-service.ts';
import { createIssuerService, type IssuerService } from './services/issuer-service.ts';
import { createMyDataService, type MyDataService } from './services/my-data-service.ts';
import { createReportService, type ReportService } from './services/report-service.ts';
import { createSearchService, type SearchService } from './services/search-service.ts';
import { createSettingsService, type SettingsService } from './services/settings-service.ts';
import type { Viewer, ViewerResolver } from './viewer.ts';

export interface Services {
  search: SearchService;
  directory: DirectoryService;
  accounts: AccountService;
  claims: ClaimService;
  settings: SettingsService;
  myData: MyDataService;
  contacts: ContactService;
  reports: ReportService;
  issuers: IssuerService;
}

export interface RequestContext {
  viewer: Viewer;
  loaders: Loaders;
  services: Services;
}

export interface ContextDependencies {
  engine: SearchEngine;
  resolveViewer: ViewerResolver;
  /** Accounts, settings and contacts; without it only search and lookups work. */
  platform?: Platform;
  /** The clock, for "issued within N months" (tests pin it). */
  now?: () => Date;
  /** Skill-gap reports and the search log; without it neither works. */
  reporting?: Reporting;
}

export function buildContext(engine: SearchEngine, viewer: Viewer, now: () => Date = () => new Date(), platform: Platform = UNCONFIGURED_PLATFORM, reporting?: Reporting): RequestContext {
  const loaders = createLoaders(engine);
  return {
    viewer,
    loaders,
    services: {
      search: createSearchService({ engine, loaders, viewer, now, ...(reporting ? { logSearch: reporting.logSearch } : {}) }),
      directory: createDirectoryService({ engine, loaders, viewer }),
      accounts: createAccountService({ platform, viewer, now }),
      claims: createClaimService({ platform, now }),
      settings: createSettingsService({ platform, viewer, now }),
      myData: createMyDataService({ platform, viewer, now }),
      contacts: createContactService({ platform, loaders, viewer, now }),
      reports: createReportService({ viewer, now, ...(reporting ? { reporting } : {}) }),
      issuers: createIssuerService({ platform, viewer, now }),
    },
  };
}

/**
 * How a refused session leaves the context function. Apollo wraps it in its
 * own GraphQLError and copies `extensions` (the 401 status) onto it;
 * formatError finds the domain error through `cause`. (No GraphQLError is
 * built here: under vitest this module and Apollo may load different copies
 * of graphql-js, and Apollo would not recognise ours.)
 */
class SessionRejected extends Error {
  readonly extensions: Record<string, unknown>;
  constructor(reason: DomainError) {
    super(reason.message, { cause: reason });
    this.extensions = { code: reason.code, http: { status: 401 } };
  }
}

/** The context function for the Express integration. */
export function contextFactory({ engine, resolveViewer, platform, now, reporting }: ContextDependencies) {
  return async ({ req }: { req: Request }): Promise<RequestContext> => {
    let viewer: Viewer;
    try {
      viewer = await resolveViewer(req);
    } catch (error) {
      if (error instanceof DomainError) throw new SessionRejected(error);
      throw error;
    }
    return buildContext(engine, viewer, now, platform, reporting);
  };
}
