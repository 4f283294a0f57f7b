/**
 * Everything an indexer command needs, assembled once from configuration:
 * the engine (checked reachable), the taxonomy, pathways and a resolver.
 */
import { readFile } from 'node:fs/promises';
import { createEngineClient } from '../../mappings/connection.ts';
import type { EarnerContext } from '../earners/refresh.ts';
import type { IndexerConfig } from '../config.ts';
import { validatePathways, type PathwayDefinition } from './pathways.ts';
import { IndexStore } from '../store/index-store.ts';
import { ensureSkillsIndex, skillLookup } from '../taxonomy/skills-index.ts';
import { loadTaxonomy, type Taxonomy } from '../taxonomy/index.ts';
import { createResolver, type ResolverOptions } from '../verify/resolver.ts';
import type { VerifyOptions } from '../verify/types.ts';

export interface IndexerRuntime extends EarnerContext {
  config: IndexerConfig;
  taxonomy: Taxonomy;
  verify: VerifyOptions;
  close(): Promise<void>;
}

/** Thrown when the run cannot go on at all; the CLI prints it and exits non-zero. */
export class FatalError extends Error {}

export async function loadPathways(file: string | undefined): Promise<PathwayDefinition[]> {
  if (!file) return [];
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new FatalError(`pathways file ${file} could not be read as JSON: ${(error as Error).message}`);
  }
  const { pathways, errors } = validatePathways(value);
  if (errors.length > 0) throw new FatalError(`pathways file ${file}: ${errors.join('; ')}`);
  return pathways;
}

/** The resolver's settings from configuration (also given to verification workers, which build their own). */
export function resolverOptionsOf(config: IndexerConfig): ResolverOptions {
  return { mappings: config.resolve, allowNetwork: config.allowNetwork, allowHosts: config.allowHosts, timeoutMs: config.httpTimeoutMs };
}

export async function createRuntime(
  config: IndexerConfig,
  overrides: { pathways?: PathwayDefinition[]; recipient?: string } = {},
): Promise<IndexerRuntime> {
  const client = createEngineClient(config.engine, { requestTimeoutMs: 60_000 });
  try {
    await client.cluster.health({ wait_for_status: 'yellow', timeout: '30s' });
  } catch {
    await client.close();
    throw new FatalError(
      `Elasticsearch at ${config.engine.url} is not reachable: start it with "npm run engine", or set ELASTICSEARCH_URL to a running cluster.`,
    );
  }
  const store = new IndexStore({
    client,
    prefix: config.engine.indexPrefix,
    replicas: config.engine.replicas,
    shards: config.engine.shards,
  });
  await store.ensureIndices();
  const taxonomy = loadTaxonomy();
  await ensureSkillsIndex(store, taxonomy);
  // Pathway files are stored, so every later run (and the API) sees the same definitions.
  const fromFile = await loadPathways(config.pathwaysFile);
  if (fromFile.length > 0)
    await store.write(
      'pathways',
      fromFile.map((p) => ({ id: p.id, document: p })),
      { refresh: true },
    );
  const resolver = createResolver(resolverOptionsOf(config));
  return {
    config,
    store,
    taxonomy,
    skills: skillLookup(taxonomy),
    pathways: overrides.pathways ?? (await store.allPathways()),
    verify: { resolver, ...(overrides.recipient ? { recipient: overrides.recipient } : {}) },
    now: () => new Date(),
    close: () => client.close(),
  };
}
