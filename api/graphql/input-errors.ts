/**
 * The one place a failed input check becomes a GraphQL `BAD_USER_INPUT`
 * error. Every input schema (search, reports, settings, contacts) is parsed
 * through `parseInput`: the first zod issue becomes a `BadInputError` whose
 * `argument` names what the client sent, relative to the field's arguments
 * (`first`, `earnerId`) or to its `input` object (`near.lat`,
 * `location.city`), like GraphQL's own variable errors (`format-error.ts`).
 * The message points at the element of a list (`Invalid argument
 * "badges[2]": must not be empty`); `argument` leaves list positions out, so
 * a client can match it to a form field. Pure.
 */
import { z } from 'zod';
import { BadInputError } from '../errors.ts';

/** `['near', 'lat']` -> `near.lat`; `['skills', 2, 'id']` -> `skills[2].id`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/** The argument a path names, without list positions: `skills[2].id` -> `skills.id`. */
export function argumentOfPath(path: readonly PropertyKey[]): string {
  return pathText(path.filter((key) => typeof key !== 'number'));
}

/** A value quoted in a message, cut short: a message never echoes a long input back. */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `"${text.length > 80 ? `${text.slice(0, 80)}...` : text}"`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/**
 * Wording for the checks a schema leaves to zod's defaults (a schema's own
 * `error` wins over these). Phrased as the rest of the API: the problem,
 * after `Invalid argument "x": `.
 */
export const houseMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (issue.origin === 'array') return `at most ${issue.maximum} values`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      return `must be at most ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'array') return Number(issue.minimum) === 1 ? 'name at least one value' : `at least ${issue.minimum} values`;
      if (issue.origin === 'string')
        return Number(issue.minimum) === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      return `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `${quoted(issue.input)} is not one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return `is not a valid ${issue.format}`;
    case 'unrecognized_keys':
      return 'is not an argument here';
    default:
      return undefined;
  }
};

/** The error for one issue; `root` names the argument when the issue is about the whole value. */
export function badUserInput(issue: z.core.$ZodIssue, root = 'input'): BadInputError {
  // An unknown key is reported at its parent: name the key itself.
  const path = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
  if (path.length === 0) return new BadInputError(root, issue.message);
  return new BadInputError(argumentOfPath(path), issue.message, pathText(path));
}

/**
 * The value as the schema reads it (checked, normalized, defaults filled
 * in), or a BadInputError naming the first problem. Parse once, where the
 * input enters a service.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root = 'input'): z.output<S> {
  // Parsed without options first: a per-parse error map takes zod off its fast path (about 5x slower), and
  // most inputs are fine. A refused one is parsed again for the house wording.
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const worded = schema.safeParse(value, { error: houseMessage });
  throw badUserInput((worded.error ?? parsed.error).issues[0]!, root);
}
