/** Limits and checks of message-template arguments: one zod schema per mutation, each problem naming the argument. Pure. */
import { z } from 'zod';
import type { MessageTemplateInput } from '../generated/resolvers-types.ts';
import { CONTACT_LIMITS } from '../contacts/contact-input.ts';
import { parseInput } from '../graphql/input-errors.ts';
import { id } from '../graphql/input-rules.ts';

/** How many templates one employer keeps, and text lengths (a body always fits a contact request's message). */
export const TEMPLATE_LIMITS = {
  maxPerEmployer: 30,
  maxNameLength: 80,
  maxBodyLength: CONTACT_LIMITS.message,
  maxIdLength: CONTACT_LIMITS.id,
} as const;

const trimmed = (empty: string, max: number) =>
  z
    .string()
    .transform((text) => text.trim())
    .pipe(
      z
        .string()
        .min(1, { error: empty })
        .max(max, { error: `must be at most ${max} characters` }),
    );

const templateInputSchema = z.object({
  id: id(TEMPLATE_LIMITS.maxIdLength)
    .nullish()
    .transform((value) => value ?? undefined),
  name: trimmed('give the template a name', TEMPLATE_LIMITS.maxNameLength),
  body: trimmed('write the message the template fills in', TEMPLATE_LIMITS.maxBodyLength),
});

export type CheckedTemplateInput = z.output<typeof templateInputSchema>;

/** `saveMessageTemplate`'s input checked, name and body trimmed; problems name `id`, `name` or `body`. */
export const checkTemplateInput = (input: MessageTemplateInput): CheckedTemplateInput => parseInput(templateInputSchema, input);

/** `deleteMessageTemplate`'s id. */
export const checkTemplateId = (value: string): string => parseInput(z.object({ id: id(TEMPLATE_LIMITS.maxIdLength) }), { id: value }).id;
