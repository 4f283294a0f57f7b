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
}

const IN_FLIGHT = 8;

function credentialId(bytes: Uint8Array): string {
  const doc = JSON.parse(Buffer.from(bytes).toString('utf8')) as { id?: unknown };
  return typeof doc.id === 'string' ? doc.id : '(no id)';
}

export async function comparePeer(units: readonly InputUnit[], workers: number, resolverOptions: ResolverOptions): Promise<PeerComparison> {
  const credentialUnits = units.filter((u): u is Extract<InputUnit, { kind: 'credential' }> => u.kind === 'credential');
  const subset = credentialUnits.filter((u) => peerUnderstands(u.bytes));
  const rate = (ms: number) => subset.length / (ms / 1000);
  const now = new Date();

  // Ours, one thread (this one), answers kept from the warm pass.
  const options = { resolver: createResolver(resolverOptions), now };
  const ourPass = async () => {
    const started = performance.now();
    const results = await mapConcurrent(subset, IN_FLIGHT, (u) => readCredentials({ source: u.source, bytes: u.bytes }, options));
    return { ms: performance.now() - started, results };
  };
  const ourCold = await ourPass();
  const ourWarm = await ourPass();

  // Ours with the worker pool, as ingest runs by default.
  const pooled = workers > 1 ? await verifyOnly(subset, workers, resolverOptions) : { coldMs: ourCold.ms, warmMs: ourWarm.ms };

  // The peer, in this thread, same credentials, same number in flight.
  const peerVerify = await loadPeer();
  const parsed = subset.map((u) => JSON.parse(Buffer.from(u.bytes).toString('utf8')) as object);
  const peerPass = async () => {
    const started = performance.now();
    // Each call gets its own copy: the peer deletes and adds fields on the response's credential.
    const results = await mapConcurrent(parsed, IN_FLIGHT, (c) => peerVerify(structuredClone(c)));
    return { ms: performance.now() - started, results };
  };
  const peerCold = await peerPass();
  const peerWarm = await peerPass();

  const pairs = new Map<string, { ours: Answer; theirs: Answer; count: number }>();
  const disagreements: PeerComparison['disagreements'] = [];
  subset.forEach((unit, i) => {
    const ours = ourAnswer(ourWarm.results[i]?.[0]);
    const response = peerWarm.results[i]!;
    const theirs = peerAnswer(response);
    const key = `${ours} -> ${theirs}`;
    const pair = pairs.get(key) ?? { ours, theirs, count: 0 };
    pair.count++;
    pairs.set(key, pair);
    if (ours !== theirs && disagreements.filter((d) => d.ours === ours && d.theirs === theirs).length < 5) {
      const theirMessages = [
        ...(response.errors ?? []).map((e) => `${e.name}: ${e.message}`),
        ...(response.log ?? []).filter((s) => s.valid === false || s.error).map((s) => `${s.id}: ${s.error?.message ?? 'false'}`),
        ...(response.error?.message ? [response.error.message] : []),
      ];
      disagreements.push({
        id: credentialId(unit.bytes),
        ours,
        theirs,
        ourDetails: (ourWarm.results[i]?.[0]?.verification.details ?? []).join('; '),
        theirDetails: theirMessages.join('; '),
      });
    }
  });

  return {
    compared: subset.length,
    offered: credentialUnits.length,
    ours1: { cold: rate(ourCold.ms), warm: rate(ourWarm.ms) },
    oursN: { cold: rate(pooled.coldMs), warm: rate(pooled.warmMs), workers },
    peer: { cold: rate(peerCold.ms), warm: rate(peerWarm.ms) },
    answers: [...pairs.values()].sort((a, b) => b.count - a.count),
    disagreements,
    refused: Object.fromEntries(refusedFetches),
  };
}
