/**
 * The API as the benchmark runs it: its own process (so the load generator
 * never shares its event loop), configured from the environment the parent
 * sets, with the benchmark's fixed employer viewer. Tells the parent its URL.
 */
import { apiConfigFromEnv } from '../../api/config.ts';
import { startApi } from '../../api/main.ts';
import { fixedViewer } from '../../api/viewer.ts';
import { FIXTURE_NOW } from '../../test/support/generators/directory.ts';
import { BENCH_VIEWER } from './bench-viewer.ts';

const api = await startApi(apiConfigFromEnv(process.env), { resolveViewer: fixedViewer(BENCH_VIEWER), now: () => FIXTURE_NOW });
process.send?.({ url: api.url });
const stop = async () => {
  await api.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
