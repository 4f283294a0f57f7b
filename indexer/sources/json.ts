/** Reads a JSON document: an OB 2.0 hosted assertion, an OB 3.0 credential or a CLR. */
import { isObject, parseJson } from '../verify/json.ts';
import { normalizeOb2 } from '../verify/normalize-ob2.ts';
import { normalizeOb3 } from '../verify/normalize-ob3.ts';
import { verifyOb1Hosted } from '../verify/ob1.ts';
import { verifyOb2Hosted } from '../verify/ob2.ts';
import { verifyOb3JsonLd } from '../verify/ob3.ts';
import { finding } from '../verify/result.ts';
import type { NormalizedCredential, VerifyOptions } from '../verify/types.ts';
import { readClrJsonLd } from './clr.ts';
import { classifyJson } from './detect.ts';
import { failedCredential } from './failure.ts';

/** Reads one parsed JSON value. */
export async function readJsonValue(value: unknown, source: string, options: VerifyOptions): Promise<NormalizedCredential[]> {
  const now = options.now ?? new Date();
  const kind = classifyJson(value);
  if (kind === 'unknown' || !isObject(value)) {
    const what = isObject(value)
      ? `@context ${JSON.stringify(value['@context'])} and type ${JSON.stringify(value.type)}`
      : `a JSON ${Array.isArray(value) ? 'array' : typeof value}`;
    const detail = `${source}: not an Open Badge or CLR: the document root has ${what}`;
    return [failedCredential(source, 'ob3-json-ld', [finding('UNSUPPORTED_FORMAT', detail)], now)];
  }
  if (kind === 'clr') return readClrJsonLd(value, source, options);
  if (kind === 'ob1-assertion') return [normalizeOb2(await verifyOb1Hosted(value, options), source, options.recipient)];
  if (kind === 'ob2-assertion') return [normalizeOb2(await verifyOb2Hosted(value, options), source, options.recipient)];
  const outcome = await verifyOb3JsonLd(value, options);
  return [normalizeOb3(outcome.credential, outcome.format, source, outcome.result, options.recipient)];
}

/** Reads JSON text; invalid JSON yields one FAILED/MALFORMED item naming the parse error. */
export async function readJsonText(text: string, source: string, options: VerifyOptions): Promise<NormalizedCredential[]> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return [
      failedCredential(
        source,
        'ob3-json-ld',
        [finding('MALFORMED', `${source}: invalid JSON: ${parsed.error}`)],
        options.now ?? new Date(),
      ),
    ];
  }
  return readJsonValue(parsed.value, source, options);
}
