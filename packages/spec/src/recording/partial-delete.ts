// What a partial delete removes from a stored submission, by the names its answer lists: `id_image`
// and `selfie_image` remove image keys, `data` with data fields removes those keys of `data` (without,
// all of `data`), any other name the top-level key of that name (openapi/idcheck.yaml, partial delete;
// the mock's own copy of this rule is packages/mocks/src/idcheck/partial-delete.ts).

/** Where each `fields` name lives in a stored submission (others are top-level keys of that name). */
const LOCATIONS: Readonly<Record<string, readonly [string, readonly string[]]>> = {
  id_image: ['image', ['idImage', 'idBackImage']],
  selfie_image: ['image', ['selfieImage']],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Removes from `submission` (in place) what a partial delete of `fields` / `dataFields` removes. */
export function removeFields(
  submission: Record<string, unknown>,
  fields: readonly string[],
  dataFields: readonly string[],
): void {
  for (const field of fields) {
    const location = Object.hasOwn(LOCATIONS, field) ? LOCATIONS[field] : undefined;
    if (location) {
      const holder = submission[location[0]];
      if (isObject(holder)) for (const key of location[1]) delete holder[key];
    } else if (field === 'data' && dataFields.length) {
      const data = submission.data;
      if (isObject(data)) for (const key of dataFields) delete data[key];
    } else if (field === 'data') {
      if (Object.hasOwn(submission, 'data')) submission.data = {};
    } else {
      delete submission[field];
    }
  }
}
