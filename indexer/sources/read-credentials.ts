/**
 * Entry point of credential reading: detects the format of one input item and
 * returns its normalized, verified credentials. Never throws for bad input:
 * unreadable items come back FAILED with MALFORMED or UNSUPPORTED_FORMAT.
 */
import { verifyHostedUrl } from '../verify/hosted-url.ts';
import { normalizeOb3 } from '../verify/normalize-ob3.ts';
import { verifySdJwt } from '../verify/sd-jwt.ts';
import { normalizeOb2 } from '../verify/normalize-ob2.ts';
import { finding } from '../verify/result.ts';
import type { CredentialInput, NormalizedCredential, VerifyOptions } from '../verify/types.ts';
import { bytesToText, detectFormat, detectTextFormat } from './detect.ts';
import { failedCredential } from './failure.ts';
import { readJsonText } from './json.ts';
import { readJws } from './jws.ts';
import { extractPngBadge } from './png.ts';
import { extractSvgBadge } from './svg.ts';

/** Reads text that is (or was baked as) a JSON credential, a JWS or a hosted assertion URL. */
async function readBadgeText(text: string, source: string, options: VerifyOptions, container: string): Promise<NormalizedCredential[]> {
  const format = detectTextFormat(text);
  if (format === 'json') return readJsonText(text, source, options);
  if (format === 'jws') return readJws(text.trim(), source, options);
  if (format === 'url') return [normalizeOb2(await verifyHostedUrl(text.trim(), options), source, options.recipient)];
  if (format === 'sd-jwt') {
    const outcome = await verifySdJwt(text, options);
    return [normalizeOb3(outcome.credential, outcome.format, source, outcome.result, options.recipient)];
  }
  const detail = `${source}: ${container} is neither JSON, a compact JWS nor a URL (starts with ${JSON.stringify(text.trim().slice(0, 20))})`;
  return [failedCredential(source, 'ob3-json-ld', [finding('UNSUPPORTED_FORMAT', detail)], options.now ?? new Date())];
}

async function readDetected(input: CredentialInput, options: VerifyOptions): Promise<NormalizedCredential[]> {
  const now = options.now ?? new Date();
  const { source, bytes } = input;
  const format = detectFormat(bytes);
  if (format === 'png' || format === 'svg') {
    const extracted = format === 'png' ? extractPngBadge(bytes) : extractSvgBadge(bytesToText(bytes));
    if (!extracted.ok)
      return [
        failedCredential(
          source,
          'ob2-hosted',
          [finding(extracted.malformed ? 'MALFORMED' : 'UNSUPPORTED_FORMAT', `${source}: ${extracted.error}`)],
          now,
        ),
      ];
    return readBadgeText(extracted.text, source, options, `baked ${format.toUpperCase()} content`);
  }
  if (format === 'unknown' && bytes.length === 0) {
    return [failedCredential(source, 'ob3-json-ld', [finding('MALFORMED', `${source}: input is empty`)], now)];
  }
  return readBadgeText(bytesToText(bytes), source, options, 'input');
}

/** Reads one input item: one credential, or several (a CLR). */
export async function readCredentials(input: CredentialInput, options: VerifyOptions): Promise<NormalizedCredential[]> {
  try {
    return await readDetected(input, options);
  } catch (error) {
    // a bug or an unforeseen library error must not stop a bulk run
    const detail = `${input.source}: could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return [failedCredential(input.source, 'ob3-json-ld', [finding('MALFORMED', detail)], options.now ?? new Date())];
  }
}
