// Prefer header parsing: one bad or unknown token never hides the known ones.
import { describe, expect, it } from 'vitest';
import { describeIgnored, parsePrefer } from '../../src/core/prefer.js';

it('parses every token on its own: bare tokens, quoted values with commas, junk', () => {
  expect(parsePrefer('respond-async, code=500')).toEqual({ code: 500, ignored: ['respond-async'] });
  expect(parsePrefer('code=409, example="Invalid request body: name, mode, fields"; delay=20')).toEqual({
    code: 409,
    example: 'Invalid request body: name, mode, fields',
    delay: 20,
    ignored: [],
  });
  expect(parsePrefer('code=418, color=blue')).toEqual({ code: 418, ignored: ['color=blue'] });
  expect(parsePrefer('=x, fault=reset')).toEqual({ fault: 'reset', ignored: ['=x'] });
  expect(parsePrefer('example=Projection not found')).toEqual({ example: 'Projection not found', ignored: [] });
});

describe('warnings about ignored Prefer values', () => {
  it('name at most five tokens, each cut to 40 characters, with no control characters', () => {
    const long = 'x'.repeat(10_000);
    const said = describeIgnored([long, 'a\nb', 'c', 'd', 'e', 'f', 'g']);
    expect(said).toBe(`${'x'.repeat(40)}…, a?b, c, d, e (+2 more)`);
    expect(said.length).toBeLessThan(100);
  });
});
