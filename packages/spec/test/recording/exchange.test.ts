import { describe, expect, it } from 'vitest';
import { headerValue } from '../../src/recording/exchange.js';

describe('headerValue', () => {
  it('the first header of that name, whatever its case', () => {
    const headers = [
      { name: 'X-Api-Key', value: 'a' },
      { name: 'x-api-key', value: 'b' },
    ];
    expect(headerValue(headers, 'x-api-key')).toBe('a');
    expect(headerValue(headers, 'X-API-KEY')).toBe('a');
    expect(headerValue(headers, 'authorization')).toBeUndefined();
  });
});
