/**
 * The key of the reports' per-cell noise (see `suppression.ts`). Production
 * must set REPORT_NOISE_SECRET (config refuses to start without it): every
 * API instance must use the same one, or two instances would give two
 * independently noised answers to average. In development, when it is unset,
 * a random secret is generated once and kept in `<cache>/report-noise-secret`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function resolveNoiseSecret(given: string | undefined, cacheDir: string): string {
  if (given) return given;
  const file = join(cacheDir, 'report-noise-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch {
    // Not there yet: create it below.
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(cacheDir, { recursive: true });
  // 'wx' loses the race to a concurrent first start instead of overwriting its secret.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
