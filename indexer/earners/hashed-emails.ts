/**
 * Links hashed recipient identities (`sha256$…` of email + salt) to plain
 * addresses seen anywhere in the run. Issuers use few salts and many
 * addresses, so the table hashes every (salt, address) pair once as either
 * side arrives: cost grows with salts x addresses, never per credential.
 */
import { createHash } from 'node:crypto';

export class HashedEmailIndex {
  private readonly emails = new Set<string>();
  /** salt -> (hex digest -> address) */
  private readonly tables = new Map<string, Map<string, string>>();

  constructor(private readonly maxPairs = 20_000_000) {}

  private hash(email: string, salt: string): string {
    return createHash('sha256')
      .update(email + salt)
      .digest('hex');
  }

  /** Lower-cased, as addresses are compared; issuers hash the address as given or lower-cased. */
  addEmail(address: string): void {
    const email = address.trim().toLowerCase();
    if (this.emails.has(email)) return;
    this.emails.add(email);
    for (const [salt, table] of this.tables) table.set(this.hash(email, salt), email);
  }

  private tableFor(salt: string): Map<string, string> | undefined {
    let table = this.tables.get(salt);
    if (table) return table;
    if ((this.tables.size + 1) * this.emails.size > this.maxPairs) return undefined;
    table = new Map();
    for (const email of this.emails) table.set(this.hash(email, salt), email);
    this.tables.set(salt, table);
    return table;
  }

  /** The address whose hash with `salt` is `hashed` (`sha256$hex` or `hex`), if one was seen. */
  lookup(hashed: string, salt: string): string | undefined {
    const hex = hashed
      .trim()
      .toLowerCase()
      .replace(/^sha256\$/, '');
    return this.tableFor(salt)?.get(hex);
  }
}
