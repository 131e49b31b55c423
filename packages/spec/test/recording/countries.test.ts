import { describe, expect, it } from 'vitest';
import { ALPHA3 } from '../../src/recording/countries.js';

describe('ALPHA3', () => {
  it('holds the 249 officially assigned codes, each three capitals, once', () => {
    expect(ALPHA3).toHaveLength(249);
    expect(new Set(ALPHA3).size).toBe(249);
    expect(ALPHA3.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    for (const code of ['USA', 'DEU', 'FRA', 'KOR', 'JPN', 'GBR', 'ALA', 'SSD', 'BES', 'CUW', 'SXM'])
      expect(ALPHA3).toContain(code);
    // user-assigned and withdrawn codes are not in it
    for (const code of ['XKX', 'ANT', 'SCG', 'ZZZ']) expect(ALPHA3).not.toContain(code);
  });
});
