// The zod issue -> BAD_USER_INPUT mapper and the input schemas that use it. Pure: no engine.
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applySettingsInput } from '../../api/settings/settings-input.ts';
import { checkContactEarner } from '../../api/contacts/contact-input.ts';
import { BadInputError } from '../../api/errors.ts';
import { createFormatError } from '../../api/graphql/format-error.ts';
import { argumentOfPath, badUserInput, parseInput, pathText } from '../../api/graphql/input-errors.ts';
import { boundedList, id, wholeNumber } from '../../api/graphql/input-rules.ts';
import { csvQueryArgs, parseSkillGapInput } from '../../api/reports/input.ts';
import { parseSearchInput } from '../../api/search/input.ts';
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';

/** What the caller reads: the message and the extensions of the GraphQL error. */
function refusal(run: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    return { message: error.message, extensions: { code: error.code, ...error.extensions() } };
  }
  throw new Error('expected a BadInputError');
}

describe('paths', () => {
  it('writes object keys with dots and list positions in brackets', () => {
    expect(pathText(['near', 'lat'])).toBe('near.lat');
    expect(pathText(['skills', 2, 'id'])).toBe('skills[2].id');
    expect(pathText([0, 'x'])).toBe('[0].x');
    expect(pathText([])).toBe('');
  });

  it('names the argument without list positions, as GraphQL variable errors do', () => {
    expect(argumentOfPath(['skills', 2, 'id'])).toBe('skills.id');
    expect(argumentOfPath(['badges', 0])).toBe('badges');
    expect(argumentOfPath(['location', 'city'])).toBe('location.city');
  });
});

describe('parseInput', () => {
  const schema = z.object({
    first: wholeNumber(1, 50).optional(),
    tags: boundedList(id(10), 3).optional(),
    mode: z.enum(['ANY', 'ALL']).optional(),
    nested: z.object({ items: z.array(z.object({ id: z.string() })) }).optional(),
    name: z.string().max(5).optional(),
    flag: z.boolean().optional(),
  });

  it('returns the parsed value: defaults filled, duplicates dropped', () => {
    expect(parseInput(schema, { first: 3, tags: ['a', 'b', 'a'] })).toEqual({ first: 3, tags: ['a', 'b'] });
  });

  it('names the argument and the problem of the first issue, pointing at the element', () => {
    expect(refusal(() => parseInput(schema, { tags: ['ok', ' '] }))).toEqual({
      message: 'Invalid argument "tags[1]": must not be empty',
      extensions: { code: 'BAD_USER_INPUT', argument: 'tags' },
    });
    expect(refusal(() => parseInput(schema, { nested: { items: [{ id: 'a' }, { id: 7 }] } }))).toEqual({
      message: 'Invalid argument "nested.items[1].id": must be text',
      extensions: { code: 'BAD_USER_INPUT', argument: 'nested.items.id' },
    });
    expect(refusal(() => parseInput(schema, { first: 51 }))).toEqual({
      message: 'Invalid argument "first": must be a whole number from 1 to 50',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  });

  it("words zod's own checks like the rest of the API", () => {
    const problem = (value: unknown) => refusal(() => parseInput(schema, value)).message;
    expect(problem({ tags: ['a', 'b', 'c', 'd'] })).toBe('Invalid argument "tags": at most 3 values');
    expect(problem({ name: 'toolong' })).toBe('Invalid argument "name": must be at most 5 characters');
    expect(problem({ flag: 'yes' })).toBe('Invalid argument "flag": must be true or false');
    expect(problem({ mode: 'SOME' })).toBe('Invalid argument "mode": "SOME" is not one of ANY, ALL');
    expect(problem({ nested: { items: [{}] } })).toBe('Invalid argument "nested.items[0].id": is required');
    // A quoted value is cut short: a message never echoes a long input back.
    expect(problem({ mode: 'x'.repeat(500) })).toBe(`Invalid argument "mode": "${'x'.repeat(80)}..." is not one of ANY, ALL`);
  });

  it('names an unknown key itself, and the root argument for a problem with the whole value', () => {
    expect(refusal(() => parseInput(z.strictObject({ a: z.string().optional() }), { b: 1 }))).toEqual({
      message: 'Invalid argument "b": is not an argument here',
      extensions: { code: 'BAD_USER_INPUT', argument: 'b' },
    });
    expect(refusal(() => parseInput(schema, 'text', 'query'))).toEqual({
      message: 'Invalid argument "query": must be an object',
      extensions: { code: 'BAD_USER_INPUT', argument: 'query' },
    });
  });

  it("lets a schema's own message win over the house wording", () => {
    const own = z.object({ n: z.number().max(3, { error: 'three at most, please' }) });
    expect(refusal(() => parseInput(own, { n: 4 })).message).toBe('Invalid argument "n": three at most, please');
  });

  it('maps a single issue the same way', () => {
    const error = badUserInput({ code: 'custom', path: ['near', 'radiusKm'], message: 'must be from 5 to 20038', input: 1 });
    expect([error.message, error.argument]).toEqual(['Invalid argument "near.radiusKm": must be from 5 to 20038', 'near.radiusKm']);
  });

  it('reaches the caller as BAD_USER_INPUT with exactly the argument (and the request id)', () => {
    let thrown: unknown;
    try {
      parseInput(schema, { tags: [''] });
    } catch (error) {
      thrown = error;
    }
    const wrapped = new GraphQLError('resolver failed', { originalError: thrown as Error, path: ['searchEarners'] });
    const formatted = createFormatError()(
      { message: 'resolver failed', path: ['searchEarners'], extensions: { requestId: 'req-1' } },
      wrapped,
    );
    expect(formatted).toEqual({
      message: 'Invalid argument "tags[0]": must not be empty',
      path: ['searchEarners'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'tags', requestId: 'req-1' },
    });
  });
});

describe('the input schemas through the mapper', () => {
  it('search', () => {
    expect(refusal(() => parseSearchInput({ badges: ['a', 'b', ''] }))).toEqual({
      message: 'Invalid argument "badges[2]": must not be empty',
      extensions: { code: 'BAD_USER_INPUT', argument: 'badges' },
    });
    expect(refusal(() => parseSearchInput({ near: { lat: 0, lon: 0, radiusKm: 1 } }))).toEqual({
      message: 'Invalid argument "near.radiusKm": must be from 5 to 20038',
      extensions: { code: 'BAD_USER_INPUT', argument: 'near.radiusKm' },
    });
    expect(refusal(() => parseSearchInput({ verification: ['VERIFIED', 'FAILED'] })).message).toBe(
      'Invalid argument "verification[1]": "FAILED" badges are never shown in search: use VERIFIED and/or EXPIRED',
    );
    expect(refusal(() => parseSearchInput({ after: 'not a cursor!' })).message).toBe(
      'Invalid argument "after": not a cursor returned by this API',
    );
  });

  it('reports and the CSV query string', () => {
    expect(refusal(() => parseSkillGapInput({ skills: ['onet:2.B.3', 'wiki:x'] }))).toEqual({
      message: 'Invalid argument "skills[1]": "wiki:x" is not a canonical skill id such as onet:2.B.3.k',
      extensions: { code: 'BAD_USER_INPUT', argument: 'skills' },
    });
    expect(refusal(() => csvQueryArgs({ regoin: 'US-OH' })).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'regoin' });
    expect(refusal(() => csvQueryArgs({ first: ['1', '2'] })).message).toBe('Invalid argument "first": give it once, as text');
  });

  it('settings and contact requests', () => {
    const current = defaultDirectorySettings('e', new Date('2026-06-15T00:00:00Z'));
    expect(
      refusal(() => applySettingsInput(current, { location: { city: 'Toledo', region: 'US-OH', country: 'US', lat: 40 } }, new Date())),
    ).toEqual({
      message: 'Invalid argument "location.lon": give both lat and lon, or neither',
      extensions: { code: 'BAD_USER_INPUT', argument: 'location.lon' },
    });
    expect(refusal(() => applySettingsInput(current, { openTo: ['remote', 'astronaut'] }, new Date())).message).toBe(
      'Invalid argument "openTo[1]": "astronaut" is not one of full-time, part-time, apprenticeship, internship, contract, remote',
    );
    expect(refusal(() => checkContactEarner({ earnerId: 'earner-1', message: '   ' }))).toEqual({
      message: 'Invalid argument "message": write a message for the earner',
      extensions: { code: 'BAD_USER_INPUT', argument: 'message' },
    });
    expect(checkContactEarner({ earnerId: 'earner-1', message: '  Hello  ' })).toEqual({
      earnerId: 'earner-1',
      message: 'Hello',
      badges: [],
    });
    expect(checkContactEarner({ earnerId: 'earner-1', message: 'Hello', badges: ['c-1', 'c-1', 'c-2'] })).toMatchObject({
      badges: ['c-1', 'c-2'],
    });
  });
});
