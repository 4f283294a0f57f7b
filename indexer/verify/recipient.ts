/** Hashed recipient identities (`sha256$<hex>` / `md5$<hex>` of identity + salt), pure. */
import { createHash } from 'node:crypto';

/** True when `plain` (+ salt) hashes to `hashed`; undefined when the hash algorithm is not supported. */
export function matchesHashedIdentity(hashed: string, plain: string, salt = ''): boolean | undefined {
  const match = /^(sha256|md5)\$([0-9a-f]+)$/i.exec(hashed.trim());
  if (!match) return undefined;
  const algorithm = match[1]!.toLowerCase();
  const expected = match[2]!.toLowerCase();
  // issuers differ on case: accept the address as given or lower-cased
  return [plain, plain.toLowerCase()].some(
    (candidate) =>
      createHash(algorithm)
        .update(candidate + salt)
        .digest('hex') === expected,
  );
}

/** Hashes an identity the way OB 2.0 / 3.0 issuers do (for issuing test and demo badges). */
export function hashIdentity(plain: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(plain + salt)
    .digest('hex')}`;
}
