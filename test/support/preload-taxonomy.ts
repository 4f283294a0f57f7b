/**
 * `npm test` loads the run's shared skills and occupations indices
 * (shared-taxonomy.ts) while its lint and type checks run, instead of in the
 * tests' global setup after them: `node --import tsx
 * test/support/preload-taxonomy.ts <prefix>` loads them under `<prefix>`
 * (on ELASTICSEARCH_URL), and vitest then finds them through
 * TEST_TAXONOMY_PREFIX; its global setup deletes them at the end. With
 * `--delete <prefix>` it deletes them (a run that stopped before vitest).
 */
import { createEngineClient } from '../../mappings/connection.ts';
import { deleteAllIndices } from '../../mappings/indices.ts';
import { loadSharedTaxonomy } from './shared-taxonomy.ts';

const args = process.argv.slice(2);
const remove = args[0] === '--delete';
const prefix = remove ? args[1] : args[0];
const url = process.env.ELASTICSEARCH_URL;
if (!prefix?.startsWith('test-taxonomy-') || !url) {
  console.error('usage: ELASTICSEARCH_URL=<engine> node --import tsx test/support/preload-taxonomy.ts [--delete] test-taxonomy-<name>');
  process.exit(2);
}
const client = createEngineClient({ url });
try {
  if (remove) await deleteAllIndices({ client, prefix, replicas: 0 });
  else await loadSharedTaxonomy(client, prefix);
} finally {
  await client.close();
}
