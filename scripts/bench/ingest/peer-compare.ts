/**
 * Ours beside the DCC verifier (`peer-dcc.ts`) on the same credentials in the
 * same run: throughput of each (a cold and a warm pass, 8 in flight, as
 * `verify-only.ts` does) and every credential where the answers differ.
 */
import type { InputUnit } from '../../../indexer/ingest/inputs.ts';
import { mapConcurrent } from '../../../indexer/ingest/pool.ts';
import { readCredentials } from '../../../indexer/sources/read-credentials.ts';
import { createResolver, type ResolverOptions } from '../../../indexer/verify/resolver.ts';
import { loadPeer, ourAnswer, peerAnswer, peerUnderstands, refusedFetches, type Answer } from './peer-dcc.ts';
import { verifyOnly } from './verify-only.ts';

export interface PeerComparison {
  /** Credentials both understand, and all credentials offered. */
  compared: number;
  offered: number;
  /** Credentials per second. */
  ours1: { cold: number; warm: number };
  oursN: { cold: number; warm: number; workers: number };
  peer: { cold: number; warm: number };
  /** Answers side by side: `ours -> theirs` and how many credentials. */
  answers: { ours: Answer; theirs: Answer; count: number }[];
  /** Up to 5 examples per differing pair: credential id, our details, their messages. */
  disagreements: { id: string; ours: Answer; theirs: Answer; ourDetails: string; theirDetails: string }[];
  refused: Record<string, number>;
  /** Lines the peer wrote to the console while it was timed (muted). */
  peerLogLines: number;
}

const IN_FLIGHT = 8;
const WARM_ROUNDS = 3;

const median = (passes: readonly { ms: number }[]) => [...passes].map((p) => p.ms).sort((a, b) => a - b)[Math.floor(passes.length / 2)]!;

let peerLogLines = 0;

/** Silences console.log/error/warn until the returned function is called; it returns how many calls were muted. */
function muteConsole(): () => number {
  const saved = { log: console.log, error: console.error, warn: console.warn };
  let lines = 0;
  const count = () => void lines++;
  Object.assign(console, { log: count, error: count, warn: count });
  return () => {
    Object.assign(console, saved);
    return lines;
  };
}

function credentialId(bytes: Uint8Array): string {
  const doc = JSON.parse(Buffer.from(bytes).toString('utf8')) as { id?: unknown };
  return typeof doc.id === 'string' ? doc.id : '(no id)';
}

export async function comparePeer(
  units: readonly InputUnit[],
  workers: number,
  resolverOptions: ResolverOptions,
  /** At most this many of the credentials the peer understands (the first ones): the peer verifies about 20 a second. */
  limit = Infinity,
): Promise<PeerComparison> {
  const credentialUnits = units.filter((u): u is Extract<InputUnit, { kind: 'credential' }> => u.kind === 'credential');
  const subset = credentialUnits.filter((u) => peerUnderstands(u.bytes)).slice(0, limit);
  const rate = (ms: number) => subset.length / (ms / 1000);
  peerLogLines = 0;
  const now = new Date();

  // Ours, one thread (this one).
  const options = { resolver: createResolver(resolverOptions), now };
  const ourPass = async () => {
    const started = performance.now();
    const results = await mapConcurrent(subset, IN_FLIGHT, (u) => readCredentials({ source: u.source, bytes: u.bytes }, options));
    return { ms: performance.now() - started, results };
  };
  // The peer, in this thread, same credentials, same number in flight. Its schema check logs a stack trace for
  // each refused download: muted (and counted) so that its console is not what is measured.
  const peerVerify = await loadPeer();
  const parsed = subset.map((u) => JSON.parse(Buffer.from(u.bytes).toString('utf8')) as object);
  const peerPass = async () => {
    const muted = muteConsole();
    const started = performance.now();
    try {
      // Each call gets its own copy: the peer deletes and adds fields on the response's credential.
      const results = await mapConcurrent(parsed, IN_FLIGHT, (c) => peerVerify(structuredClone(c)));
      return { ms: performance.now() - started, results };
    } finally {
      peerLogLines += muted();
    }
  };
  const ourCold = await ourPass();
  const peerCold = await peerPass();
  // Warm passes alternate, so both see the same moments of a noisy machine; the median of each is reported.
  const ourWarm: Awaited<ReturnType<typeof ourPass>>[] = [];
  const peerWarm: Awaited<ReturnType<typeof peerPass>>[] = [];
  for (let round = 0; round < WARM_ROUNDS; round++) {
    ourWarm.push(await ourPass());
    peerWarm.push(await peerPass());
  }
  // Ours with the worker pool, as ingest runs by default.
  const pooled = workers > 1 ? await verifyOnly(subset, workers, resolverOptions) : { coldMs: ourCold.ms, warmMs: median(ourWarm) };
  const ours = ourWarm[0]!;
  const theirs = peerWarm[0]!;

  const pairs = new Map<string, { ours: Answer; theirs: Answer; count: number }>();
  const disagreements: PeerComparison['disagreements'] = [];
  subset.forEach((unit, i) => {
    const ourAnswerNow = ourAnswer(ours.results[i]?.[0]);
    const response = theirs.results[i]!;
    const theirAnswer = peerAnswer(response);
    const key = `${ourAnswerNow} -> ${theirAnswer}`;
    const pair = pairs.get(key) ?? { ours: ourAnswerNow, theirs: theirAnswer, count: 0 };
    pair.count++;
    pairs.set(key, pair);
    if (ourAnswerNow !== theirAnswer && disagreements.filter((d) => d.ours === ourAnswerNow && d.theirs === theirAnswer).length < 5) {
      const theirMessages = [
        ...(response.errors ?? []).map((e) => `${e.name}: ${e.message}`),
        ...(response.log ?? []).filter((s) => s.valid === false || s.error).map((s) => `${s.id}: ${s.error?.message ?? 'false'}`),
        ...(response.error?.message ? [response.error.message] : []),
      ];
      disagreements.push({
        id: credentialId(unit.bytes),
        ours: ourAnswerNow,
        theirs: theirAnswer,
        ourDetails: (ours.results[i]?.[0]?.verification.details ?? []).join('; '),
        theirDetails: theirMessages.join('; '),
      });
    }
  });

  return {
    compared: subset.length,
    offered: credentialUnits.length,
    ours1: { cold: rate(ourCold.ms), warm: rate(median(ourWarm)) },
    oursN: { cold: rate(pooled.coldMs), warm: rate(pooled.warmMs), workers },
    peer: { cold: rate(peerCold.ms), warm: rate(median(peerWarm)) },
    peerLogLines,
    answers: [...pairs.values()].sort((a, b) => b.count - a.count),
    disagreements,
    refused: Object.fromEntries(refusedFetches),
  };
}
