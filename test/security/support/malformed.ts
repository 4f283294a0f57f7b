/**
 * Generated malformed credential inputs for the fuzz test: one deterministic
 * input per (seed, index), made lazily so the run never holds them all.
 * Kinds: truncated, deeply nested, huge, wrong types, binary, bad base64 and
 * JWS, bad PNG chunks, broken SVG.
 */
import { deflateSync } from 'node:zlib';
import { randomFor, type Random } from '../../../scripts/demo/data/prng.ts';
import { iTXt, pngWith, zlibBomb } from './bombs.ts';

export interface Seeds {
  /** Valid credential texts (JSON and compact JWS) to break. */
  texts: string[];
  /** Valid baked badges (PNG bytes). */
  pngs: Uint8Array[];
}

export interface Malformed {
  kind: string;
  bytes: Uint8Array;
}

const MIB = 1024 * 1024;
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const WRONG_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  true,
  '',
  ' ',
  '\u0000',
  [],
  {},
  [[]],
  'not-a-date',
  'http://',
  'did:',
  { id: 5 },
  ['a', 1, null],
  '\ud800',
];

function mutateTypes(r: Random, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => (r.chance(0.2) ? r.pick(WRONG_VALUES) : mutateTypes(r, v, depth + 1)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (r.chance(0.05)) continue; // a field missing
      out[k] = r.chance(0.2) ? r.pick(WRONG_VALUES) : mutateTypes(r, v, depth + 1);
    }
    return out;
  }
  return value;
}

function nested(r: Random, depth: number): string {
  const open = r.chance(0.5) ? '['.repeat(depth) : '{"a":'.repeat(depth);
  const close = open.startsWith('[') ? ']'.repeat(depth) : '}'.repeat(depth);
  return `${open}1${close}`;
}

/** A credential whose subject nests `depth` levels deep (built as text: the value itself would overflow JSON.stringify). */
function nestedInCredential(r: Random, seed: string, depth: number): string {
  const doc = JSON.parse(seed) as Record<string, unknown>;
  delete doc.credentialSubject;
  const opens: string[] = [];
  const closes: string[] = [];
  for (let i = 0; i < depth; i++) {
    const array = r.chance(0.5);
    opens.push(array ? '[' : '{"type":"Achievement","achievement":');
    closes.push(array ? ']' : '}');
  }
  return `${JSON.stringify(doc).slice(0, -1)},"credentialSubject":${opens.join('')}{"id":"x"}${closes.reverse().join('')}}`;
}

function randomBytes(r: Random, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = r.int(0, 255);
  return out;
}

const b64url = (text: string) => Buffer.from(text).toString('base64url');

function badJws(r: Random, seed: string): string {
  const parts = seed.split('.');
  switch (r.int(0, 8)) {
    case 0:
      return parts.slice(0, 2).join('.');
    case 1:
      return [...parts, parts[2]].join('.');
    case 2:
      return parts.map((p) => p.replace(/[A-Za-z]/g, (c) => (r.chance(0.05) ? '!' : c))).join('.');
    case 3:
      return [b64url('{"alg":"none"}'), parts[1], ''].join('.');
    case 4:
      return [b64url('not json'), parts[1], parts[2]].join('.');
    case 5:
      return [parts[0], b64url('[1,2,3]'), parts[2]].join('.');
    case 6:
      return [parts[0], b64url(nested(r, 5000)), parts[2]].join('.');
    case 7:
      return [b64url(`{"alg":"EdDSA","kid":"${'x'.repeat(r.int(1, 200_000))}"}`), parts[1], parts[2]].join('.');
    default:
      return [parts[0], parts[1], 'A'.repeat(r.int(0, 200))].join('.');
  }
}

function badPng(r: Random, png: Uint8Array): Buffer {
  const bytes = Buffer.from(png);
  switch (r.int(0, 6)) {
    case 0: // a chunk length pointing past the end
      bytes.writeUInt32BE(0xfffffff0, 8);
      return bytes;
    case 1: // flipped bytes anywhere after the signature
      for (let i = 0; i < 20; i++) bytes[r.int(8, bytes.length - 1)] = r.int(0, 255);
      return bytes;
    case 2: // text that is not deflate
      return pngWith([iTXt('openbadges', randomBytes(r, r.int(1, 5000)), true)]);
    case 3: // a small bomb
      return pngWith([iTXt('openbadgecredential', smallBomb(), true)]);
    case 4: // compressed text that is not UTF-8
      return pngWith([iTXt('openbadges', deflateSync(randomBytes(r, 300)), true)]);
    case 5: // NUL separators missing
      return pngWith([{ type: 'iTXt', data: Buffer.from('openbadges\u0000\u0000\u0000', 'latin1') }]);
    default: // only a signature and garbage
      return Buffer.concat([bytes.subarray(0, 8), randomBytes(r, r.int(0, 64))]);
  }
}

let bomb: Buffer | undefined;
const smallBomb = () => (bomb ??= zlibBomb(32));

const KINDS = ['truncated', 'nested', 'huge', 'wrong-types', 'binary', 'bad-jws', 'bad-png', 'bad-svg', 'bad-base64'] as const;

/** The `index`-th malformed input of a seeded run. */
export function malformedInput(seed: number, index: number, seeds: Seeds): Malformed {
  const r = randomFor(seed, 'fuzz', index);
  const kind = KINDS[index % KINDS.length]!;
  const json = seeds.texts.filter((t) => t.trim().startsWith('{'));
  const jws = seeds.texts.filter((t) => !t.trim().startsWith('{'));
  switch (kind) {
    case 'truncated': {
      const source = r.chance(0.3) ? Buffer.from(r.pick(seeds.pngs)) : utf8(r.pick(seeds.texts));
      return { kind, bytes: source.subarray(0, r.int(1, source.length - 1)) };
    }
    case 'nested':
      return { kind, bytes: utf8(r.chance(0.5) ? nested(r, r.int(1000, 100_000)) : nestedInCredential(r, r.pick(json), r.int(100, 5000))) };
    case 'huge': {
      const doc = JSON.parse(r.pick(json)) as Record<string, unknown>;
      // Mostly hundreds of kilobytes, now and then megabytes: enough to find a limit, few enough to keep the run short.
      const size = r.chance(0.15) ? r.int(MIB, 3 * MIB) : r.int(64 * 1024, 512 * 1024);
      const big = r.chance(0.5) ? { name: 'x'.repeat(size) } : { tag: Array.from({ length: Math.round(size / 20) }, (_, i) => `t${i}`) };
      return { kind, bytes: utf8(JSON.stringify({ ...doc, ...big, credentialSubject: { ...(doc.credentialSubject as object), ...big } })) };
    }
    case 'wrong-types':
      return { kind, bytes: utf8(JSON.stringify(mutateTypes(r, JSON.parse(r.pick(json))))) };
    case 'binary':
      return { kind, bytes: randomBytes(r, r.int(1, 4096)) };
    case 'bad-jws':
      return { kind, bytes: utf8(badJws(r, r.pick(jws))) };
    case 'bad-png':
      return { kind, bytes: badPng(r, r.pick(seeds.pngs)) };
    case 'bad-svg': {
      const variants = [
        '<svg xmlns="http://www.w3.org/2000/svg"><openbadges:assertion verify="',
        `<svg><openbadges:credential><![CDATA[${nested(r, 3000)}]]></openbadges:credential></svg>`,
        `<svg><openbadges:assertion verify="eyJ${'A'.repeat(r.int(0, 500))}"/></svg>`,
        `<svg><openbadges:credential>&#${r.int(0, 0x10ffff) + 0x110000};</openbadges:credential></svg>`,
        `<svg>${'<g>'.repeat(r.int(1000, 20_000))}</svg>`,
      ];
      return { kind, bytes: utf8(r.pick(variants)) };
    }
    default: {
      // JSON whose proof values and keys are not base64/multibase
      const doc = JSON.parse(r.pick(json)) as Record<string, unknown>;
      const garbage = r.pick(['z!!!', '====', 'u\u0000', 'zzzzzzzzzzzzzzzzzzzzzzzz', '%%%', 'A'.repeat(r.int(1, 1000))]);
      return {
        kind,
        bytes: utf8(
          JSON.stringify({
            ...doc,
            proof: {
              type: 'DataIntegrityProof',
              cryptosuite: 'eddsa-rdfc-2022',
              verificationMethod: `did:key:${garbage}#${garbage}`,
              proofPurpose: 'assertionMethod',
              proofValue: garbage,
            },
          }),
        ),
      };
    }
  }
}
