import { describe, expect, it } from 'vitest';
import { removeFields } from '../../src/recording/partial-delete.js';

const stored = () => ({
  submission_id: 's1',
  email: 'e',
  data: { first_name: 'f', last_name: 'l' },
  image: { idImage: 'a', idBackImage: 'b', selfieImage: 'c' },
  OCR_raw: {},
});

describe('removeFields', () => {
  it('id_image and selfie_image remove image keys; other names the top-level key', () => {
    const s = stored();
    removeFields(s, ['id_image', 'email', 'OCR_raw'], []);
    expect(s).toEqual({ submission_id: 's1', data: { first_name: 'f', last_name: 'l' }, image: { selfieImage: 'c' } });
    removeFields(s, ['selfie_image'], []);
    expect(s.image).toEqual({});
  });

  it('data with data fields removes those keys of data; without, all of data', () => {
    const s = stored();
    removeFields(s, ['data'], ['first_name']);
    expect(s.data).toEqual({ last_name: 'l' });
    removeFields(s, ['data'], []);
    expect(s.data).toEqual({});
  });

  it('names that are not where they say are no-ops (and never reach the prototype)', () => {
    const s = { submission_id: 's1' } as Record<string, unknown>;
    removeFields(s, ['id_image', 'data', 'constructor', '__proto__'], ['x']);
    expect(s).toEqual({ submission_id: 's1' });
  });
});
