import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEngine } from '../../mappings/connection.ts';
import { findJavaHome, javaMajorVersion, parseJavaVersion } from '../../scripts/engine/java.ts';
import { ENGINE_VERSION } from '../../scripts/engine/settings.ts';
import { engineClient } from '../support/engine.ts';

describe('the real engine', () => {
  const client = engineClient();
  afterAll(() => client.close());

  it('is Elasticsearch 9.x, the pinned version when the project started it', async () => {
    const info = await describeEngine(client);
    if (process.env.ELASTICSEARCH_URL) expect(info.version).toMatch(/^9\./);
    else expect(info.version).toBe(ENGINE_VERSION);
    expect(['green', 'yellow']).toContain(info.health);
    if (info.tagline !== undefined) expect(info.tagline).toBe('You Know, for Search');
  });

  it('reports the build flavour and core modules of a real node', async () => {
    const nodes = await client.nodes.info({ node_id: '_local', metric: ['plugins'] });
    const node = Object.values(nodes.nodes)[0];
    expect(node?.version).toMatch(/^9\./);
    expect(node?.modules?.map((m) => m.name)).toContain('transport-netty4');
  });

  it('indexes and finds a document', async () => {
    const index = `test-engine-smoke-${process.pid}`;
    await client.index({ index, id: '1', document: { title: 'Welding safety badge' }, refresh: true });
    const result = await client.search<{ title: string }>({ index, query: { match: { title: 'welding' } } });
    expect(result.hits.hits.map((h) => h._source?.title)).toEqual(['Welding safety badge']);
    await client.indices.delete({ index });
  });
});

describe('finding a JDK', () => {
  it('parses java.specification.version', () => {
    expect(parseJavaVersion('    java.specification.version = 25\n')).toBe(25);
    expect(parseJavaVersion('java.specification.version = 1.8')).toBe(8);
    expect(parseJavaVersion('no version here')).toBeNull();
  });

  it('finds a JDK of version 21 or newer on this machine', () => {
    const home = findJavaHome({}, '/usr/lib/jvm');
    expect(javaMajorVersion(home)).toBeGreaterThanOrEqual(21);
  });

  it('names everything it looked at when no JDK fits', () => {
    const emptyRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jvm-'));
    fs.mkdirSync(path.join(emptyRoot, 'not-a-jdk'));
    expect(() => findJavaHome({ JAVA_HOME: '/nonexistent/jdk' }, emptyRoot)).toThrow(
      /No JDK 21 or newer.*JAVA_HOME=\/nonexistent\/jdk \(no java found\).*not-a-jdk \(no java found\)/,
    );
  });
});
