/**
 * Building blocks of the input schemas (search, reports, settings,
 * contacts): each rule once, with its message. Parse them with
 * `parseInput` (`input-errors.ts`), which names the argument. Pure.
 */
import { z } from 'zod';
import { quoted } from './input-errors.ts';

/** A whole number from `min` to `max`. */
export const wholeNumber = (min: number, max: number) =>
  z.number().refine((value) => Number.isInteger(value) && value >= min && value <= max, {
    error: `must be a whole number from ${min} to ${max}`,
  });

/** A number from `min` to `max` (a coordinate, a radius). */
export const numberFrom = (min: number, max: number) =>
  z.number().refine((value) => value >= min && value <= max, { error: `must be from ${min} to ${max}` });

/** Absent or null means `fallback` (GraphQL passes null for an argument given as null). */
export const orDefault = <S extends z.ZodType>(schema: S, fallback: z.output<S>) =>
  schema.nullish().transform((value): z.output<S> => value ?? fallback);

/** One of `allowed`, else `"x" is not one of a, b, c`. */
export const oneOf = <const T extends readonly [string, ...string[]]>(allowed: T) =>
  z.enum(allowed, { error: (issue) => `${quoted(issue.input)} is not one of ${allowed.join(', ')}` });

/** An id: not blank, at most `maxLength` characters. */
export const id = (maxLength: number) =>
  z
    .string()
    .refine((value) => value.trim() !== '', { error: 'must not be empty' })
    .refine((value) => value.length <= maxLength, { error: `must be at most ${maxLength} characters` });

/**
 * A list of at most `max` values, each checked by `element`, duplicates
 * dropped. The count is checked before any value, so a huge list costs one
 * issue, not one per value.
 */
export const boundedList = <S extends z.ZodType<string>>(element: S, max: number, tooMany = `at most ${max} values`) =>
  z
    .array(z.unknown())
    .max(max, { error: tooMany })
    .pipe(z.array(element))
    .transform((values) => [...new Set(values)]);
