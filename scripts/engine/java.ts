/** Finds a JDK that can run the engine (the integ-test distribution bundles none). */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export const MIN_JAVA = 21;

/** Major version of the JDK at `home`, or null when it is not a runnable JDK. */
export function javaMajorVersion(home: string): number | null {
  const java = path.join(home, 'bin', 'java');
  if (!fs.existsSync(java)) return null;
  // The JVM prints its settings on stderr.
  const result = spawnSync(java, ['-XshowSettings:properties', '-version'], { encoding: 'utf8' });
  return parseJavaVersion(`${result.stdout ?? ''}${result.stderr ?? ''}`);
}

/** Reads `java.specification.version = 25` (or `1.8`) from -XshowSettings output. */
export function parseJavaVersion(settingsOutput: string): number | null {
  const match = /java\.specification\.version = (\d+)(?:\.(\d+))?/.exec(settingsOutput);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 && match[2] ? Number(match[2]) : major;
}

/**
 * ES_JAVA_HOME, then JAVA_HOME, then the newest JDK under /usr/lib/jvm that is new enough.
 * Throws an error that lists everything it looked at.
 */
export function findJavaHome(env: NodeJS.ProcessEnv = process.env, jvmRoot = '/usr/lib/jvm'): string {
  const looked: string[] = [];
  for (const name of ['ES_JAVA_HOME', 'JAVA_HOME'] as const) {
    const home = env[name];
    if (!home) continue;
    const major = javaMajorVersion(home);
    looked.push(`${name}=${home} (${major === null ? 'no java found' : `Java ${major}`})`);
    if (major !== null && major >= MIN_JAVA) return home;
  }
  const candidates = fs.existsSync(jvmRoot)
    ? fs
        .readdirSync(jvmRoot)
        .map((d) => path.join(jvmRoot, d))
        .filter((d) => fs.statSync(d).isDirectory())
    : [];
  const usable = candidates
    .map((home) => ({ home, major: javaMajorVersion(home) }))
    .filter((c) => {
      looked.push(`${c.home} (${c.major === null ? 'no java found' : `Java ${c.major}`})`);
      return c.major !== null && c.major >= MIN_JAVA;
    })
    .sort((a, b) => (b.major ?? 0) - (a.major ?? 0));
  if (usable[0]) return usable[0].home;
  throw new Error(
    `No JDK ${MIN_JAVA} or newer found to run Elasticsearch. Looked at: ${looked.join('; ') || `ES_JAVA_HOME, JAVA_HOME and ${jvmRoot} (empty)`}. ` +
      `Install a JDK >= ${MIN_JAVA} (e.g. Temurin) and set ES_JAVA_HOME, or set ELASTICSEARCH_URL to use an existing cluster.`,
  );
}
