/**
 * The per-request GraphQL context: who is asking, fresh DataLoaders (a cache
 * never outlives a request) and the services resolvers call.
 */
import type { Request } from 'express';
import type { SearchEngine } from './engine.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { createDirectoryService, type DirectoryService } from './services/directory-service.ts';
import { createSearchService, type SearchService } from './services/search-service.ts';
import type { Viewer, ViewerResolver } from './viewer.ts';

export interface Services {
  search: SearchService;
  directory: DirectoryService;
}

export interface RequestContext {
  viewer: Viewer;
  loaders: Loaders;
  services: Services;
}

export interface ContextDependencies {
  engine: SearchEngine;
  resolveViewer: ViewerResolver;
  /** The clock, for "issued within N months" (tests pin it). */
  now?: () => Date;
}

export function buildContext(engine: SearchEngine, viewer: Viewer, now: () => Date = () => new Date()): RequestContext {
  const loaders = createLoaders(engine);
  return {
    viewer,
    loaders,
    services: {
      search: createSearchService({ engine, loaders, viewer, now }),
      directory: createDirectoryService({ engine, loaders, viewer }),
    },
  };
}

/** The context function for the Express integration. */
export function contextFactory({ engine, resolveViewer, now }: ContextDependencies) {
  return async ({ req }: { req: Request }): Promise<RequestContext> => buildContext(engine, await resolveViewer(req), now);
}
