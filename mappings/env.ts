/**
 * Reads configuration from environment variables with a zod schema, once.
 * An empty variable counts as unset (compose files and shells pass `X=`),
 * and a bad value stops start-up with a message naming the variable.
 */
import type { z } from 'zod';

export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv, label: string): z.output<S> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid ${label} configuration: ${problems}`);
  }
  return parsed.data;
}
