/** Checks of the account-request arguments (password reset, employer sign-up, admin decisions): one zod schema each. Pure. */
import { z } from 'zod';
import { isEmailAddress, normalizeEmail, PASSWORD_LIMITS } from '../accounts/identity.ts';
import { parseInput } from '../graphql/input-errors.ts';
import { id, oneOf, orDefault, wholeNumber } from '../graphql/input-rules.ts';

export const SIGNUP_LIMITS = { organisation: 200, contactName: 200, message: 2000, reason: 1000, maxPage: 100 } as const;

const email = z
  .string()
  .max(320, { error: 'must be an email address such as name@example.org' })
  .transform(normalizeEmail)
  .refine(isEmailAddress, { error: 'must be an email address such as name@example.org' });

/** Trimmed text of 1 to `max` characters; `what` says what to write when it is empty. */
const requiredText = (max: number, what: string) =>
  z
    .string()
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, { error: what })
        .max(max, { error: `must be at most ${max} characters` }),
    );

const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => value?.trim() ?? '')
    .pipe(z.string().max(max, { error: `must be at most ${max} characters` }));

const password = z
  .string()
  .min(PASSWORD_LIMITS.min, { error: `must be ${PASSWORD_LIMITS.min} to ${PASSWORD_LIMITS.max} characters` })
  .max(PASSWORD_LIMITS.max, { error: `must be ${PASSWORD_LIMITS.min} to ${PASSWORD_LIMITS.max} characters` });

const emailArgs = z.object({ email });
const resetArgs = z.object({ token: z.string().max(200, { error: 'is not a valid link token' }), password });
const signupInput = z.object({
  email,
  organisation: requiredText(SIGNUP_LIMITS.organisation, "write your organisation's name"),
  contactName: requiredText(SIGNUP_LIMITS.contactName, 'write your name'),
  message: optionalText(SIGNUP_LIMITS.message),
});
const listArgs = z.object({
  status: orDefault(oneOf(['PENDING', 'APPROVED', 'REJECTED']), 'PENDING'),
  first: orDefault(wholeNumber(1, SIGNUP_LIMITS.maxPage), 20),
  offset: orDefault(wholeNumber(0, 10_000), 0),
});
const decideArgs = z.object({ id: id(200), reason: optionalText(SIGNUP_LIMITS.reason) });

export const checkEmailArgs = (args: unknown) => parseInput(emailArgs, args, 'email');
export const checkResetArgs = (args: unknown) => parseInput(resetArgs, args, 'token');
export const checkSignupInput = (input: unknown) => parseInput(signupInput, input);
export const checkListArgs = (args: unknown) => parseInput(listArgs, args, 'status');
export const checkDecideArgs = (args: unknown) => parseInput(decideArgs, args, 'id');

export type SignupInput = z.output<typeof signupInput>;
