/**
 * The mixed workload of `bench:load`, as real users make it: employers
 * search with varied text and facets, open profiles and use the suggestions;
 * earners change their settings; employers send contact requests. Each
 * client is a loop of weighted random operations with its own token; every
 * request is timed, and an answer that is not HTTP 200 without errors counts
 * as an error (by code), one past the time limit as a timeout.
 */
import { percentile } from '../stats.ts';
import type { BenchUsers } from './users.ts';

export const OPERATIONS = ['search', 'profile', 'suggest', 'settings', 'contact'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Share of each operation in the mix. */
export const WEIGHTS: Record<Operation, number> = { search: 0.45, profile: 0.2, suggest: 0.2, settings: 0.1, contact: 0.05 };

/** Values the generated requests draw from, read from the data set once. */
export interface Vocabulary {
  words: string[];
  skills: string[];
  regions: string[];
  issuers: string[];
  earnerIds: string[];
}

export interface OperationStats {
  requests: number;
  errors: number;
  timeouts: number;
  /** Error codes (GraphQL `extensions.code` or `HTTP nnn`) and how often. */
  errorCodes: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  operations: Record<Operation, OperationStats>;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** A small seeded generator, so two runs send the same sequence. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function chooseOperation(random: () => number): Operation {
  let r = random();
  for (const op of OPERATIONS) {
    r -= WEIGHTS[op];
    if (r < 0) return op;
  }
  return 'search';
}

const SEARCH =
  'query($input: EarnerSearchInput!) { searchEarners(input: $input) { total nodes { earner { id name } } facets { skills { value count } regions { value count } } } }';
const PROFILE = 'query($id: ID!) { earner(id: $id) { id name headline badges { credentialId name issuedOn } } }';
const SUGGEST = 'query($p: String!) { suggest(prefix: $p, types: [SKILL, BADGE, ISSUER], first: 8) { __typename } }';
const SETTINGS = 'mutation($input: DirectorySettingsInput!) { updateDirectorySettings(input: $input) { listed } }';
const CONTACT = 'mutation($id: ID!, $m: String!) { contactEarner(earnerId: $id, message: $m) { id } }';

/** One request of `op`: the GraphQL document, its variables and whose token. */
export function request(
  op: Operation,
  vocabulary: Vocabulary,
  users: BenchUsers,
  random: () => number,
): { query: string; variables: Record<string, unknown>; token: string } {
  const employer = pick(users.employers, random);
  switch (op) {
    case 'search': {
      const input: Record<string, unknown> = { first: 20 };
      if (random() < 0.7) input.text = pick(vocabulary.words, random);
      if (random() < 0.35 && vocabulary.skills.length) input.skills = [pick(vocabulary.skills, random)];
      if (random() < 0.3 && vocabulary.regions.length) input.regions = [pick(vocabulary.regions, random)];
      if (random() < 0.15 && vocabulary.issuers.length) input.issuers = [pick(vocabulary.issuers, random)];
      if (random() < 0.2) input.issuedWithinMonths = 24;
      return { query: SEARCH, variables: { input }, token: employer };
    }
    case 'profile':
      return { query: PROFILE, variables: { id: pick(vocabulary.earnerIds, random) }, token: employer };
    case 'suggest': {
      const word = pick(vocabulary.words, random);
      return { query: SUGGEST, variables: { p: word.slice(0, 2 + Math.floor(random() * 4)) }, token: employer };
    }
    case 'settings': {
      const earner = pick(users.earners, random);
      return {
        query: SETTINGS,
        variables: {
          input: {
            headline: `Open to work (${Math.floor(random() * 1000)})`,
            openTo: random() < 0.5 ? ['full-time'] : ['part-time', 'remote'],
          },
        },
        token: earner.token,
      };
    }
    case 'contact':
      return {
        query: CONTACT,
        variables: { id: pick(users.contactable, random), m: 'We have a role that matches your badges; would you like to talk?' },
        token: employer,
      };
  }
}

/** Runs `clients` loops for `seconds` against the API and summarises each operation. */
export async function runLoad(
  apiUrl: string,
  vocabulary: Vocabulary,
  users: BenchUsers,
  clients: number,
  seconds: number,
  timeoutMs: number,
  seed: number,
): Promise<LoadResult> {
  const samples = Object.fromEntries(OPERATIONS.map((op) => [op, [] as number[]])) as Record<Operation, number[]>;
  const failures = Object.fromEntries(
    OPERATIONS.map((op) => [op, { errors: 0, timeouts: 0, thrown: 0, codes: {} as Record<string, number> }]),
  ) as Record<Operation, { errors: number; timeouts: number; thrown: number; codes: Record<string, number> }>;
  const started = performance.now();
  const end = started + seconds * 1000;
  const client = async (n: number) => {
    const random = seeded(seed * 1000 + n);
    while (performance.now() < end) {
      const op = chooseOperation(random);
      const { query, variables, token } = request(op, vocabulary, users, random);
      const t0 = performance.now();
      try {
        const response = await fetch(`${apiUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        samples[op].push(performance.now() - t0);
        const code = body.errors?.[0]?.extensions?.code ?? (response.status === 200 ? undefined : `HTTP ${response.status}`);
        if (code) {
          failures[op].errors++;
          failures[op].codes[code] = (failures[op].codes[code] ?? 0) + 1;
        }
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        if (timedOut) failures[op].timeouts++;
        else {
          failures[op].errors++;
          failures[op].thrown++;
          failures[op].codes[(error as Error).name] = (failures[op].codes[(error as Error).name] ?? 0) + 1;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  const elapsed = (performance.now() - started) / 1000;
  const operations = Object.fromEntries(
    OPERATIONS.map((op) => {
      const sorted = samples[op].sort((a, b) => a - b);
      const round = (ms: number) => Math.round(ms);
      return [
        op,
        {
          requests: sorted.length + failures[op].timeouts + failures[op].thrown,
          errors: failures[op].errors,
          timeouts: failures[op].timeouts,
          errorCodes: failures[op].codes,
          p50: round(percentile(sorted, 50)),
          p95: round(percentile(sorted, 95)),
          p99: round(percentile(sorted, 99)),
        },
      ];
    }),
  ) as Record<Operation, OperationStats>;
  const requests = Object.values(operations).reduce((sum, o) => sum + o.requests, 0);
  return {
    clients,
    seconds: Math.round(elapsed * 10) / 10,
    requests,
    requestsPerSecond: Math.round((requests / elapsed) * 10) / 10,
    operations,
  };
}
