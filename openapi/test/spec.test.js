// Rules that keep the specs usable as the single source of code: every documented error message is
// listed for code generation and has an example, and the enums hold exactly the documented names.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../load.js';
import { deref, messageOf, operations, templateMatches } from './read.js';

for (const area of /** @type {const} */ (['idcheck', 'text-assessment'])) {
  describe(`${area}.yaml`, () => {
    const spec = loadSpec(area);
    for (const { operationId, operation } of operations(spec)) {
      it(`${operationId}: x-error-messages and the error examples match one to one`, () => {
        const listed = operation['x-error-messages'];
        expect(Array.isArray(listed) && listed.length > 0).toBe(true);
        const examples = [];
        for (const [status, ref] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue;
          const response = deref(spec, ref);
          for (const ex of Object.values(response.content?.['application/json']?.examples ?? {}))
            examples.push({ status: Number(status), message: messageOf(deref(spec, ex).value) });
        }
        for (const entry of listed) {
          expect(
            examples.some((e) => e.status === entry.status && templateMatches(entry.message, e.message)),
            `${entry.status} ${entry.message} has an example`,
          ).toBe(true);
        }
        for (const example of examples) {
          expect(
            listed.some((e) => e.status === example.status && templateMatches(e.message, example.message)),
            `example ${example.status} ${example.message} is listed`,
          ).toBe(true);
        }
      });
    }
  });
}

describe('idcheck enums', () => {
  const { schemas } = loadSpec('idcheck').components;
  it('hold the 13 fields, 31 data fields and 30 projection fields of the docs', () => {
    expect(schemas.SubmissionField.enum).toHaveLength(13);
    expect(schemas.SubmissionField.enum).toContain('OCR_raw');
    expect(schemas.DataField.enum).toHaveLength(31);
    expect(schemas.ProjectionField.enum).toHaveLength(30);
    expect([...schemas.ProjectionField.enum].sort()).toEqual(schemas.DataField.enum.filter((f) => f !== 'name').sort());
    expect(schemas.ProjectionMode.enum).toEqual(['exclude']);
  });
});
