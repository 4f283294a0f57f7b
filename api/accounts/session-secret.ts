/**
 * The key session tokens are signed with. Production must set SESSION_SECRET
 * (config refuses to start without it). In development, when it is unset, a
 * random secret is generated once and kept in `<cache>/session-secret`, so
 * sessions survive a restart without anyone configuring anything.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthConfig } from '../config.ts';

export function resolveSessionSecret(auth: Pick<AuthConfig, 'sessionSecret' | 'cacheDir'>): string {
  if (auth.sessionSecret) return auth.sessionSecret;
  const file = join(auth.cacheDir, 'session-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch {
    // Not there yet: create it below.
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(auth.cacheDir, { recursive: true });
  // 'wx' loses the race to a concurrent first start instead of overwriting its secret.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
