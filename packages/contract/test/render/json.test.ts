import { expect, it } from 'vitest';
import { jsonReport } from '../../src/render/json.js';

it('jsonReport indents by two spaces and ends with a newline', () => {
  expect(jsonReport({ ok: true, list: [1] })).toBe('{\n  "ok": true,\n  "list": [\n    1\n  ]\n}\n');
});
