/** Checks of contact-request arguments. Pure. */
import { BadInputError } from '../errors.ts';

export const CONTACT_LIMITS = { message: 2000, id: 500 } as const;

export function checkMessage(message: string): string {
  const trimmed = message.trim();
  if (trimmed === '') throw new BadInputError('message', 'write a message for the earner');
  if (trimmed.length > CONTACT_LIMITS.message) throw new BadInputError('message', `must be at most ${CONTACT_LIMITS.message} characters`);
  return trimmed;
}

export function checkId(argument: string, id: string): string {
  if (id.trim() === '') throw new BadInputError(argument, 'must not be empty');
  if (id.length > CONTACT_LIMITS.id) throw new BadInputError(argument, `must be at most ${CONTACT_LIMITS.id} characters`);
  return id;
}

/** The first email identity of an earner's credentials, where a notification can go before they claim. */
export function credentialEmail(identityKeys: readonly string[]): string | undefined {
  return identityKeys
    .filter((key) => key.startsWith('email:'))
    .sort()[0]
    ?.slice('email:'.length);
}
