// Every error string of the seed documents must be documented, verbatim, by the operation and status
// the seed ties it to: as an example of that response and in the operation's `x-error-messages`.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../load.js';
import { deref, messageOf, operations, templateMatches } from './read.js';
import seedErrors from './seed-errors.json' with { type: 'json' };

for (const area of /** @type {const} */ (['idcheck', 'text-assessment'])) {
  describe(`${area}.yaml documents every seed error`, () => {
    const spec = loadSpec(area);
    const byId = new Map(operations(spec).map((op) => [op.operationId, op.operation]));

    for (const { status, message, operations: ids } of seedErrors[area]) {
      for (const id of ids) {
        it(`${id} ${status} "${message}"`, () => {
          const operation = byId.get(id);
          expect(operation, `operation ${id}`).toBeDefined();
          const response = deref(spec, operation.responses?.[String(status)]);
          expect(response, `${id} documents ${status}`).toBeDefined();
          const examples = Object.values(response.content?.['application/json']?.examples ?? {});
          const values = examples.map((ex) => messageOf(deref(spec, ex).value));
          expect(values).toContain(message);
          const listed = (operation['x-error-messages'] ?? []).filter((e) => e.status === status);
          expect(
            listed.some((e) => templateMatches(e.message, message)),
            'listed in x-error-messages',
          ).toBe(true);
        });
      }
    }
  });
}
