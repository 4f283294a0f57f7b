/**
 * What the account, settings and contact services need beyond the search
 * engine: their stores, the outbox, the session keys and their settings.
 * Built once per server; a server without it (the search-only test harness)
 * gets `UNCONFIGURED_PLATFORM`, which fails loudly if anything reaches it.
 */
import type { Client } from '@elastic/elasticsearch';
import { resolveSessionSecret } from './accounts/session-secret.ts';
import { sessionKeys, type SessionKeys } from './accounts/session.ts';
import { createBackground, type Background } from './background.ts';
import { createBackoff, createWindowLimit, type Backoff, type WindowLimit } from './accounts/throttle.ts';
import type { AbuseLimits, ApiConfig, AuthConfig, ContactConfig, IntakeRateLimits } from './config.ts';
import type { Logger } from './log.ts';
import { createOutbox, type Outbox } from './outbox/outbox.ts';
import { createAccountStore, type AccountStore } from './stores/accounts.ts';
import { createClaimTokenStore, type ClaimTokenStore } from './stores/claim-tokens.ts';
import { createContactQuotaStore, type ContactQuotaStore } from './stores/contact-quotas.ts';
import { createContactStore, type ContactStore } from './stores/contacts.ts';
import { createEarnerRecordStore, type EarnerRecordStore } from './stores/earner-records.ts';
import { createIssuerRegistryStore, type IssuerRegistryStore } from './stores/issuer-registry.ts';
import { createSavedSearchStore, type SavedSearchStore } from './saved-searches/store.ts';
import { createShortlistStore, type ShortlistStore } from './shortlists/store.ts';
import { createIssuerApiKeyStore, type IssuerApiKeyStore } from './issuer-push/store.ts';
import type { CredentialIntake } from '../mappings/credential-intake.ts';
import type { DidAuthentication } from '../mappings/did-auth.ts';
import { createDidAuthStore, type DidAuthStore } from './did-auth/store.ts';
import { createMessageTemplateStore, type MessageTemplateStore } from './message-templates/store.ts';
import { createAccountRequestStores, type AccountRequestStores } from './account-requests/store.ts';

export interface Platform {
  accounts: AccountStore;
  claimTokens: ClaimTokenStore;
  records: EarnerRecordStore;
  issuers: IssuerRegistryStore;
  contacts: ContactStore;
  contactQuotas: ContactQuotaStore;
  savedSearches: SavedSearchStore;
  shortlists: ShortlistStore;
  /** Issuers' push keys (hashes only). */
  issuerKeys: IssuerApiKeyStore;
  /** The indexer's credential intake, when the process runs one (npm start); absent for an API started alone. */
  intake?: CredentialIntake;
  /** DID Auth challenges and the DIDs earners proved control of. */
  didLinks: DidAuthStore;
  /** The indexer's presentation verifier (DID Auth), handed over like `intake`; absent for an API started alone. */
  didAuth?: DidAuthentication;
  messageTemplates: MessageTemplateStore;
  /** Password-reset links and employer account requests. */
  accountRequests: AccountRequestStores;
  outbox: Outbox;
  sessions: SessionKeys;
  auth: Omit<AuthConfig, 'sessionSecret'>;
  contactLimits: ContactConfig;
  /** Per-minute limits of `addMyCredentials` and the issuer push (counted in `abuse.intake`). */
  intakeLimits: IntakeRateLimits;
  /** Sign-in back-off and claim-link limits, kept in memory (`accounts/throttle.ts`). */
  abuse: AbuseGuards;
  /** Work done after answering (sending claim links). */
  background: Background;
}

export interface AbuseGuards {
  limits: AbuseLimits;
  loginByAccount: Backoff;
  loginByIp: Backoff;
  /** Claim links per address and per client IP, per hour. */
  claimLinks: WindowLimit;
  /** Password-reset links per address and per client IP, per hour. */
  passwordResets: WindowLimit;
  /** Employer account requests per address and per client IP, per hour. */
  employerSignups: WindowLimit;
  /** Items an earner adds, and requests and credentials an issuer API key pushes, per minute. */
  intake: WindowLimit;
}

export function createAbuseGuards(limits: AbuseLimits): AbuseGuards {
  const backoff = { baseMs: limits.loginBackoffMs, maxMs: limits.loginMaxBackoffMs };
  return {
    limits,
    loginByAccount: createBackoff({ ...backoff, freeFailures: limits.loginFreeAttempts }),
    loginByIp: createBackoff({ ...backoff, freeFailures: limits.loginFreeAttemptsPerIp }),
    claimLinks: createWindowLimit(3_600_000),
    passwordResets: createWindowLimit(3_600_000),
    employerSignups: createWindowLimit(3_600_000),
    intake: createWindowLimit(60_000),
  };
}

export function createPlatform(
  client: Client,
  config: ApiConfig,
  log: Logger,
  overrides: Partial<Pick<Platform, 'outbox' | 'intake' | 'didAuth'>> = {},
): Platform {
  const prefix = config.engine.indexPrefix;
  const { sessionSecret: _secret, ...auth } = config.auth;
  return {
    accounts: createAccountStore(client, prefix, log),
    claimTokens: createClaimTokenStore(client, prefix, log),
    records: createEarnerRecordStore(client, prefix, log),
    issuers: createIssuerRegistryStore(client, prefix, log),
    contacts: createContactStore(client, prefix, log),
    contactQuotas: createContactQuotaStore(client, prefix, log),
    savedSearches: createSavedSearchStore(client, prefix, log),
    shortlists: createShortlistStore(client, prefix, log),
    issuerKeys: createIssuerApiKeyStore(client, prefix, log),
    ...(overrides.intake ? { intake: overrides.intake } : {}),
    didLinks: createDidAuthStore(client, prefix, log),
    ...(overrides.didAuth ? { didAuth: overrides.didAuth } : {}),
    messageTemplates: createMessageTemplateStore(client, prefix, log),
    accountRequests: createAccountRequestStores(client, prefix, log),
    outbox: overrides.outbox ?? createOutbox(config.outbox, { client, indexPrefix: prefix }, log),
    sessions: sessionKeys(resolveSessionSecret(config.auth), config.auth.sessionTtlSeconds),
    auth,
    contactLimits: config.contacts,
    intakeLimits: config.intakeLimits,
    abuse: createAbuseGuards(config.abuse),
    background: createBackground(log),
  };
}

export const UNCONFIGURED_PLATFORM: Platform = new Proxy({} as Platform, {
  get(_target, property) {
    throw new Error(`accounts are not configured on this server (asked for ${String(property)})`);
  },
});
