/**
 * `addMyCredentials`: a signed-in earner adds badges to their own profile.
 * The API checks who asks and the limits; the indexer's intake (handed to
 * the server at start, see `mappings/credential-intake.ts`) reads, verifies
 * and stores each item, and answers one result per credential at once. The
 * earner's claimed address (proven by the claim link) and the DIDs they
 * proved control of (DID Auth, `api/did-auth/`) are the only identities a
 * credential may be issued to; both come from the stored records, never
 * from the request.
 */
import type { IntakeItemResult } from '../../mappings/credential-intake.ts';
import { MAX_DIDS_PER_EARNER } from '../../mappings/did-auth.ts';
import { ServiceUnavailableError } from '../errors.ts';
import type { AddMyCredentialsInput } from '../generated/resolvers-types.ts';
import type { Platform } from '../platform.ts';
import { requireEarner } from '../services/access.ts';
import type { Viewer } from '../viewer.ts';
import { checkAddMyCredentials } from './input.ts';
import { takeEarnerItems } from '../intake-client/rate-limits.ts';

export interface AddMyCredentialsPayload {
  results: IntakeItemResult[];
  added: number;
  alreadyAdded: number;
  refused: number;
}

export function createMyCredentialsService({
  platform,
  viewer,
  now = () => new Date(),
}: {
  platform: Platform;
  viewer: Viewer;
  now?: () => Date;
}) {
  return {
    async add(input: AddMyCredentialsInput): Promise<AddMyCredentialsPayload> {
      const earnerId = requireEarner(viewer);
      const items = checkAddMyCredentials(input);
      const intake = platform.intake;
      if (!intake)
        throw new ServiceUnavailableError(
          'Adding badges is not available on this server: it runs the API without the indexer (set INTAKE_URL and INTAKE_TOKEN to reach its intake service, or start the whole product with npm start).',
        );
      takeEarnerItems(platform, earnerId, items.length, now());
      const account = viewer.accountId ? await platform.accounts.get(viewer.accountId) : undefined;
      if (!account || account.doc.earnerId !== earnerId)
        throw new ServiceUnavailableError('Your account could not be read; try again in a moment.');
      // DIDs the earner proved control of (DID Auth): credentials issued to them are theirs too.
      const dids = (await platform.didLinks.didsOf(earnerId, MAX_DIDS_PER_EARNER)).map((link) => link.did);
      const results = await intake.addForEarner({ earnerId, email: account.doc.email, dids, items });
      const count = (outcome: IntakeItemResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
      return { results, added: count('ADDED'), alreadyAdded: count('ALREADY_ADDED'), refused: count('REFUSED') };
    },
  };
}

export type MyCredentialsService = ReturnType<typeof createMyCredentialsService>;
