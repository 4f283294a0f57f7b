/**
 * Waits until the engine has no search work queued or running, so one load
 * run does not pay for the requests the previous one left in flight (a
 * closed connection does not cancel a search). Bounded: other users of a
 * shared engine may keep it busy, and then we go on after the timeout.
 */
import type { Client } from '@elastic/elasticsearch';

export async function waitForEngineIdle(client: Client, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const stats = await client.nodes.stats({ node_id: '_local', metric: ['thread_pool'] });
    const search = Object.values(stats.nodes)[0]?.thread_pool?.search;
    if ((search?.active ?? 0) === 0 && (search?.queue ?? 0) === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
