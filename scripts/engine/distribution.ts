/** Downloads (once) and unpacks the pinned Elasticsearch distribution into the cache folder. */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ENGINE_ARTIFACT, ENGINE_VERSION, type EngineSettings } from './settings.ts';

export function zipPath(s: EngineSettings): string {
  return path.join(s.cacheDir, 'downloads', `elasticsearch-${ENGINE_VERSION}.zip`);
}

/** Fetches the zip from Maven Central with Maven, unless it is already cached. */
export function downloadDistribution(s: EngineSettings, log: (line: string) => void): string {
  const zip = zipPath(s);
  if (fs.existsSync(zip)) return zip;
  fs.mkdirSync(path.dirname(zip), { recursive: true });
  log(`Downloading ${ENGINE_ARTIFACT} from Maven Central (once; cached in ${path.dirname(zip)})`);
  try {
    execFileSync('mvn', ['-q', '-B', 'dependency:copy', `-Dartifact=${ENGINE_ARTIFACT}`, `-DoutputDirectory=${path.dirname(zip)}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'Maven (mvn) is needed to fetch Elasticsearch from Maven Central: install it (apt-get install maven) or set ELASTICSEARCH_URL.'
        : `Maven could not fetch ${ENGINE_ARTIFACT}: check access to Maven Central, or set ELASTICSEARCH_URL.`,
      { cause: error },
    );
  }
  if (!fs.existsSync(zip)) throw new Error(`Maven finished but ${zip} is missing`);
  return zip;
}

/** Unpacks into a temporary folder first, so an interrupted unpack never looks complete. */
export function installDistribution(s: EngineSettings, log: (line: string) => void): void {
  if (fs.existsSync(path.join(s.homeDir, 'bin', 'elasticsearch'))) return;
  const zip = downloadDistribution(s, log);
  const staging = `${s.homeDir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  log(`Unpacking ${path.basename(zip)}`);
  try {
    execFileSync('unzip', ['-q', zip, '-d', staging], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing ? 'unzip is needed to unpack Elasticsearch: apt-get install unzip' : `Could not unpack ${zip}; delete it and try again`,
      { cause: error },
    );
  }
  fs.rmSync(s.homeDir, { recursive: true, force: true });
  fs.renameSync(path.join(staging, `elasticsearch-${ENGINE_VERSION}`), s.homeDir);
  fs.rmSync(staging, { recursive: true, force: true });
}
