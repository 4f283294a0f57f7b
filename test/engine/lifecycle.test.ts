import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipPath } from '../../scripts/engine/distribution.ts';
import { clusterHealth, ensureEngine, stopEngine } from '../../scripts/engine/server.ts';
import { engineSettings } from '../../scripts/engine/settings.ts';

/**
 * A second, private engine on its own port and cache folder: start, reuse,
 * stop. The distribution zip is copied from the main cache when there is one
 * (Maven would otherwise fetch it again).
 */
describe('engine lifecycle', () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talent-engine-'));
  fs.chmodSync(cacheDir, 0o755); // the unprivileged engine user must be able to enter it
  const env = {
    ...process.env,
    ELASTICSEARCH_URL: undefined,
    TALENT_CACHE_DIR: cacheDir,
    ENGINE_PORT: '9271',
    ES_JAVA_OPTS: '-Xms256m -Xmx256m',
  };
  const mainZip = zipPath(engineSettings());
  if (fs.existsSync(mainZip)) {
    fs.mkdirSync(path.dirname(zipPath(engineSettings(env))), { recursive: true });
    fs.copyFileSync(mainZip, zipPath(engineSettings(env)));
  }
  afterAll(async () => {
    await stopEngine(env, () => {});
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('starts a node, reuses it on a second call, and stops it', async () => {
    const lines: string[] = [];
    const first = await ensureEngine(env, (line) => lines.push(line));
    expect(first).toMatchObject({ url: 'http://127.0.0.1:9271', started: true });
    expect(lines.some((l) => l.includes('Starting Elasticsearch on http://127.0.0.1:9271'))).toBe(true);
    expect(fs.existsSync(path.join(cacheDir, 'elasticsearch', 'logs', 'talent-directory.log'))).toBe(true);

    const second = await ensureEngine(env, () => {});
    expect(second.started).toBe(false);

    expect(await stopEngine(env, () => {})).toBe(true);
    expect(await clusterHealth('http://127.0.0.1:9271')).toBeNull();
    expect(await stopEngine(env, () => {})).toBe(false);
  }, 240_000);

  it('uses ELASTICSEARCH_URL without starting anything, and says when it does not answer', async () => {
    await expect(ensureEngine({ ELASTICSEARCH_URL: 'http://127.0.0.1:1' }, () => {})).rejects.toThrow(
      /ELASTICSEARCH_URL=http:\/\/127.0.0.1:1 does not answer/,
    );
  });
});
