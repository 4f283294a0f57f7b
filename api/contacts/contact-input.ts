/** Checks of contact-request arguments: one zod schema per mutation. Pure. */
import { z } from 'zod';
import type { MutationContactEarnerArgs, MutationRespondToContactArgs } from '../generated/resolvers-types.ts';
import { parseInput } from '../graphql/input-errors.ts';
import { boundedList, id } from '../graphql/input-rules.ts';

/** Message length, id length, and how many of the earner's badges one request may name. */
export const CONTACT_LIMITS = { message: 2000, id: 500, badges: 10 } as const;

const contactEarnerSchema = z.object({
  earnerId: id(CONTACT_LIMITS.id),
  message: z
    .string()
    .transform((message) => message.trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'write a message for the earner' })
        .max(CONTACT_LIMITS.message, { error: `must be at most ${CONTACT_LIMITS.message} characters` }),
    ),
  // Optional: the earner's badges (credential ids) the request is about.
  badges: boundedList(id(CONTACT_LIMITS.id), CONTACT_LIMITS.badges, `name at most ${CONTACT_LIMITS.badges} badges`)
    .nullish()
    .transform((ids) => ids ?? []),
});

const respondToContactSchema = z.object({ id: id(CONTACT_LIMITS.id), accept: z.boolean() });

/** `contactEarner`'s arguments checked, the message trimmed. */
export const checkContactEarner = (args: MutationContactEarnerArgs) => parseInput(contactEarnerSchema, args);

/** `respondToContact`'s arguments checked. */
export const checkRespondToContact = (args: MutationRespondToContactArgs) => parseInput(respondToContactSchema, args);

/** The first email identity of an earner's credentials, where a notification can go before they claim. */
export function credentialEmail(identityKeys: readonly string[]): string | undefined {
  return identityKeys
    .filter((key) => key.startsWith('email:'))
    .sort()[0]
    ?.slice('email:'.length);
}
