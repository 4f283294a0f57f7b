/**
 * The indexer runtime a test hands the API (credential intake, DID Auth):
 * what `createRuntime` builds, without loading the skills and occupations
 * indices (nothing that uses it searches them), under the test's prefix.
 */
import { indexerConfigFromEnv } from '../../indexer/config.ts';
import { resolverOptionsOf, type IndexerRuntime } from '../../indexer/runtime/runtime.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { skillLookup } from '../../indexer/taxonomy/skills-index.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { engineClient, engineUrl } from './engine.ts';

/** `env` adds indexer settings (INDEXER_ALLOW_HOSTS, INDEXER_RESOLVE, ...). */
export async function intakeRuntime(prefix: string, env: Record<string, string> = {}): Promise<IndexerRuntime> {
  const config = indexerConfigFromEnv({
    ELASTICSEARCH_URL: engineUrl(),
    INDEX_PREFIX: prefix,
    INDEXER_ALLOW_NETWORK: 'true',
    INDEXER_HTTP_TIMEOUT_MS: '3000',
    ...env,
  });
  const client = engineClient();
  const store = new IndexStore({ client, prefix, replicas: 0 });
  await store.ensureIndices();
  const taxonomy = loadTaxonomy();
  return {
    config,
    store,
    taxonomy,
    skills: skillLookup(taxonomy),
    pathways: [],
    verify: { resolver: createResolver(resolverOptionsOf(config)) },
    now: () => new Date(),
    close: () => client.close(),
  };
}
