/** What the figures were measured on and against: the machine, the engine, the size of the indices. */
import os from 'node:os';
import type { Client } from '@elastic/elasticsearch';
import { describeEngine } from '../../mappings/connection.ts';
import { aliasName, type IndexKind } from '../../mappings/indices.ts';

export interface MachineDescription {
  cores: number;
  cpuModel: string;
  totalMemoryGb: number;
  node: string;
  platform: string;
  /** One-minute load average when measuring started and ended: a busy machine shows here. */
  loadAverage: { start: number; end?: number };
}

export interface EngineFacts {
  version: string;
  heapMaxMb: number;
  /** Processors the engine sees. */
  processors: number;
}

export interface IndexSizes {
  /** Store size of each index, primaries, in MB. */
  earnersMb: number;
  skillsMb: number;
  badgeClassesMb: number;
  /** Lucene documents in the earners index (earners plus their nested badges). */
  earnersLuceneDocs: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: { start: Math.round(os.loadavg()[0]! * 100) / 100 },
  };
}

export function currentLoad(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

export async function engineFacts(client: Client): Promise<EngineFacts> {
  const { version } = await describeEngine(client);
  const stats = await client.nodes.stats({ node_id: '_local', metric: ['jvm', 'os'] });
  const node = Object.values(stats.nodes)[0];
  const info = await client.nodes.info({ node_id: '_local', metric: ['os'] });
  return {
    version,
    heapMaxMb: mb(node?.jvm?.mem?.heap_max_in_bytes ?? 0),
    processors: Object.values(info.nodes)[0]?.os?.allocated_processors ?? 0,
  };
}

export async function indexSizes(client: Client, prefix: string): Promise<IndexSizes> {
  const size = async (kind: IndexKind) => {
    const stats = await client.indices.stats({ index: aliasName(prefix, kind), metric: ['store', 'docs'] });
    return stats._all.primaries ?? {};
  };
  const [earners, skills, badgeClasses] = await Promise.all([size('earners'), size('skills'), size('badge-classes')]);
  return {
    earnersMb: mb(earners.store?.size_in_bytes ?? 0),
    skillsMb: mb(skills.store?.size_in_bytes ?? 0),
    badgeClassesMb: mb(badgeClasses.store?.size_in_bytes ?? 0),
    earnersLuceneDocs: earners.docs?.count ?? 0,
  };
}
