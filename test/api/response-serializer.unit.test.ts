import { describe, expect, it } from 'vitest';
import { createResponseSerializer } from '../../api/graphql/operation-budget.ts';

describe('the answer is serialized once', () => {
  it('sends the text the size check made, in the order and form Apollo writes', () => {
    const serializer = createResponseSerializer();
    const result = { data: { a: 1, b: ['x'] }, extensions: { n: 1 } };
    const text = serializer.serialize(result);
    expect(text).toBe('{"data":{"a":1,"b":["x"]},"extensions":{"n":1}}\n');
    // Apollo hands its own copy of the result (same data object, fields reordered): the same text, not serialized again.
    const sent = { errors: undefined, data: result.data, extensions: result.extensions };
    const stringify = JSON.stringify;
    let calls = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => (calls++, stringify(...args))) as typeof JSON.stringify;
    try {
      expect(serializer.stringify(sent)).toBe(text);
    } finally {
      JSON.stringify = stringify;
    }
    expect(calls).toBe(0);
  });

  it('serializes again when anything but the data changed after the check, or for an answer it never saw', () => {
    const serializer = createResponseSerializer();
    const data = { a: 1 };
    serializer.serialize({ data });
    const errors = [{ message: 'late' }];
    expect(serializer.stringify({ errors, data })).toBe('{"errors":[{"message":"late"}],"data":{"a":1}}\n');
    expect(serializer.stringify({ data: { a: 2 } })).toBe('{"data":{"a":2}}\n');
    expect(serializer.stringify({ data: null, errors })).toBe('{"errors":[{"message":"late"}],"data":null}\n');
  });
});
