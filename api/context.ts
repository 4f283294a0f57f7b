/**
 * The per-request GraphQL context: who is asking, fresh DataLoaders (a cache
 * never outlives a request) and the services resolvers call.
 */
import type { Request } from 'express';
import type { SearchEngine } from './engine.ts';
import { DomainError, SearchUnavailableError, ServiceUnavailableError, UnavailableError } from './errors.ts';
import { isSearchOperation, unavailableHttp } from './graphql/availability.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { newRequestId, requestIdOf } from './request-id.ts';
import { UNCONFIGURED_PLATFORM, type Platform } from './platform.ts';
import type { Reporting } from './reports/reporting.ts';
import { createEmployerSignupService, type EmployerSignupService } from './account-requests/employer-signup-service.ts';
import { createPasswordResetService, type PasswordResetService } from './account-requests/password-reset-service.ts';
import { createCatalogService, type CatalogService } from './catalog/catalog-service.ts';
import { createPreviewService, type PreviewService } from './my-preview/preview-service.ts';
import { createOccupationSearch, type OccupationSearch } from './occupations/occupation-search.ts';
import { createAccountService, type AccountService } from './services/account-service.ts';
import { createClaimService, type ClaimService } from './services/claim-service.ts';
import { createContactService, type ContactService } from './services/contact-service.ts';
import { createDirectoryService, type DirectoryService } from './services/directory-service.ts';
import { createIssuerService, type IssuerService } from './services/issuer-service.ts';
import { createMyDataService, type MyDataService } from './services/my-data-service.ts';
import { createReportService, type ReportService } from './reports/service.ts';
import { createSearchService, type SearchService } from './services/search-service.ts';
import { createSavedSearchService, type SavedSearchService } from './saved-searches/service.ts';
import { createShortlistService, type ShortlistService } from './shortlists/service.ts';
import { createMyCredentialsService, type MyCredentialsService } from './my-credentials/service.ts';
import { createDidAuthService, type DidAuthService } from './did-auth/service.ts';
import { createIssuerKeyService, type IssuerKeyService } from './issuer-push/service.ts';
import { createMessageTemplateService, type MessageTemplateService } from './message-templates/service.ts';
import { createSettingsService, type SettingsService } from './services/settings-service.ts';
import type { Viewer, ViewerResolver } from './viewer.ts';

export interface Services {
  search: SearchService;
  directory: DirectoryService;
  accounts: AccountService;
  claims: ClaimService;
  settings: SettingsService;
  preview: PreviewService;
  catalog: CatalogService;
  occupations: OccupationSearch;
  myData: MyDataService;
  contacts: ContactService;
  reports: ReportService;
  issuers: IssuerService;
  savedSearches: SavedSearchService;
  shortlists: ShortlistService;
  myCredentials: MyCredentialsService;
  didAuth: DidAuthService;
  issuerKeys: IssuerKeyService;
  messageTemplates: MessageTemplateService;
  passwordResets: PasswordResetService;
  employerSignups: EmployerSignupService;
}

export interface RequestContext {
  viewer: Viewer;
  /** Sent back in `X-Request-Id` and `extensions.requestId`; carried by the logs. */
  requestId: string;
  /** The caller's address (through trusted proxies only, see TRUST_PROXY): the key of per-IP limits. */
  clientIp: string;
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

/** What the HTTP request tells about itself. */
export interface RequestInfo {
  requestId: string;
  clientIp: string;
}

/** The report threshold when reporting is not configured (REPORT_MIN_CELL's default). */
const DEFAULT_CATALOG_THRESHOLD = 5;

export function buildContext(
  engine: SearchEngine,
  viewer: Viewer,
  now: () => Date = () => new Date(),
  platform: Platform = UNCONFIGURED_PLATFORM,
  reporting?: Reporting,
  { requestId, clientIp }: RequestInfo = { requestId: newRequestId(), clientIp: 'unknown' },
): RequestContext {
  const loaders = createLoaders(engine);
  return {
    viewer,
    requestId,
    clientIp,
    loaders,
    services: {
      search: createSearchService({ engine, loaders, viewer, now, ...(reporting ? { logSearch: reporting.logSearch } : {}) }),
      directory: createDirectoryService({ engine, loaders, viewer, now }),
      accounts: createAccountService({ platform, viewer, now, clientIp }),
      claims: createClaimService({ platform, now, clientIp }),
      settings: createSettingsService({ platform, viewer, now }),
      preview: createPreviewService({ platform, loaders, viewer, now }),
      occupations: createOccupationSearch({ engine, viewer }),
      catalog: createCatalogService({ engine, threshold: reporting?.disclosure.threshold ?? DEFAULT_CATALOG_THRESHOLD }),
      myData: createMyDataService({ platform, viewer, now }),
      contacts: createContactService({ platform, loaders, viewer, now }),
      reports: createReportService({ viewer, now, ...(reporting ? { reporting } : {}) }),
      issuers: createIssuerService({ platform, viewer, now }),
      savedSearches: createSavedSearchService({ platform, engine, loaders, viewer, now }),
      shortlists: createShortlistService({ platform, loaders, viewer, now }),
      myCredentials: createMyCredentialsService({ platform, viewer, now }),
      didAuth: createDidAuthService({ platform, viewer, now }),
      issuerKeys: createIssuerKeyService({ platform, viewer, now }),
      messageTemplates: createMessageTemplateService({ platform, viewer, now }),
      passwordResets: createPasswordResetService({ platform, now, clientIp }),
      employerSignups: createEmployerSignupService({ platform, viewer, now, clientIp }),
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
  constructor(reason: DomainError, requestId: string, http: Record<string, unknown> = { status: 401 }) {
    super(reason.message, { cause: reason });
    this.extensions = { code: reason.code, requestId, http };
  }
}

/** The session could not be checked because the engine did not answer: 503, never a sign-out. */
function sessionUncheckable(body: unknown, requestId: string): SessionRejected {
  const reason = isSearchOperation(body)
    ? new SearchUnavailableError('Search is unavailable right now; you are still signed in, try again in a moment.')
    : new ServiceUnavailableError(
        'The service is unavailable right now, so your session could not be checked; you are still signed in, try again in a moment.',
      );
  return new SessionRejected(reason, requestId, unavailableHttp());
}

/** The context function for the Express integration. */
export function contextFactory({ engine, resolveViewer, platform, now, reporting }: ContextDependencies) {
  return async ({ req }: { req: Request }): Promise<RequestContext> => {
    let viewer: Viewer;
    try {
      viewer = await resolveViewer(req);
    } catch (error) {
      if (error instanceof UnavailableError) throw sessionUncheckable(req.body, requestIdOf(req));
      if (error instanceof DomainError) throw new SessionRejected(error, requestIdOf(req));
      throw error;
    }
    return buildContext(engine, viewer, now, platform, reporting, {
      requestId: requestIdOf(req),
      clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    });
  };
}
