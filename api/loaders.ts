/**
 * Per-request DataLoaders: each batches the ids asked for in one tick into
 * one engine request per entity type, and caches only for that request
 * (skill documents, the public taxonomy, are also kept across requests:
 * `search/skill-cache.ts`).
 */
import DataLoader from 'dataloader';
import type { PathwayDefinition } from '../mappings/pathways.ts';
import type { SearchEngine } from './engine.ts';
import type { EarnerView } from './search/earner-view.ts';
import { createSkillCache, type SkillCache } from './search/skill-cache.ts';
import { earnerView } from './search/earner-view.ts';
import {
  badgeClassDocumentsRequest,
  earnersByIdRequest,
  issuerEntriesRequest,
  readBadgeClasses,
  readIssuers,
  shownBadgeClassesRequest,
  shownIssuersRequest,
  SKILL_FIELDS,
  type BadgeClassView,
  type IssuerView,
  type SkillView,
} from './search/lookups.ts';

export interface Loaders {
  /** Listed earners only; null for a hidden or unknown id. */
  earner: DataLoader<string, EarnerView | null>;
  /** Null unless some listed earner shows a badge of the class. */
  badgeClass: DataLoader<string, BadgeClassView | null>;
  /** The issuer registry's entry listing this id; null when none does. */
  issuer: DataLoader<string, IssuerView | null>;
  /** The public taxonomy. */
  skill: DataLoader<string, SkillView | null>;
  /** Pathway definitions (public: which badge classes stack into which micro-credential). */
  pathway: DataLoader<string, PathwayDefinition | null>;
  /** A badge class's name from the badge-classes index (public issuer data, no earner in it). */
  badgeClassName: DataLoader<string, string | null>;
}

const options = { maxBatchSize: 500 };

/** Skill documents kept across requests, one cache per engine (see `search/skill-cache.ts`). */
const skillCaches = new WeakMap<SearchEngine, SkillCache<SkillView>>();

function skillCache(engine: SearchEngine): SkillCache<SkillView> {
  let cache = skillCaches.get(engine);
  if (!cache) {
    cache = createSkillCache((ids) => engine.getPublicVersioned<SkillView>('skills', ids, SKILL_FIELDS));
    skillCaches.set(engine, cache);
  }
  return cache;
}

export function createLoaders(engine: SearchEngine): Loaders {
  return {
    earner: new DataLoader(async (ids) => {
      const response = await engine.searchEarners(earnersByIdRequest(ids));
      const byId = new Map(response.hits.hits.map((hit) => [hit._id, earnerView(hit)]));
      return ids.map((id) => byId.get(id) ?? null);
    }, options),
    badgeClass: new DataLoader(async (ids) => {
      const [shown, documents] = await engine.multiSearch([
        { index: 'earners', body: shownBadgeClassesRequest(ids) },
        { index: 'badge-classes', body: badgeClassDocumentsRequest(ids) },
      ]);
      return readBadgeClasses(ids, shown!, documents!);
    }, options),
    issuer: new DataLoader(async (ids) => {
      const entries = await engine.searchPublic('issuers', issuerEntriesRequest(ids));
      const entryIds = entries.hits.hits.map((hit) => (hit._source as { id: string }).id);
      return readIssuers(ids, entries, entryIds.length > 0 ? await engine.searchEarners(shownIssuersRequest(entryIds)) : undefined);
    }, options),
    skill: new DataLoader(async (ids) => (await skillCache(engine).get(ids)).map((skill) => skill ?? null), options),
    pathway: new DataLoader(
      async (ids) =>
        (await engine.getPublic<PathwayDefinition>('pathways', ids, ['id', 'name', 'badgeClasses', 'required'])).map((p) => p ?? null),
      options,
    ),
    badgeClassName: new DataLoader(
      async (ids) => (await engine.getPublic<{ name: string }>('badge-classes', ids, ['name'])).map((c) => c?.name ?? null),
      options,
    ),
  };
}
