import { describe, expect, it } from 'vitest';
import { cases } from '../../src/cases/index.js';
import { responseKey } from '../../src/model.js';
import { operationById } from '../../src/spec.js';

describe('cases', () => {
  it('holds the cases of each area under its name, every case of an operation of that area', () => {
    expect(Object.keys(cases)).toEqual(['idcheck', 'text-assessment']);
    for (const [area, list] of Object.entries(cases))
      for (const c of list) expect(operationById.get(c.operationId)?.area, c.operationId).toBe(area);
  });

  it('names each case once per operation (compare matches cases by operation and title)', () => {
    const keys = Object.values(cases).flatMap((list) => list.map((c) => `${c.operationId} ${c.title}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every case triggers a documented response: a success status, or a documented error with its message', () => {
    for (const c of Object.values(cases).flat()) {
      const op = operationById.get(c.operationId)!;
      expect(op.responses.has(c.status), responseKey(c)).toBe(true);
      if (c.status >= 400)
        expect(op.errors.some((e) => e.status === c.status && e.message === c.documented)).toBe(true);
      else expect(c.documented).toBeUndefined();
    }
  });
});
