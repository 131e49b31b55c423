// `@scrub/sdk/rules`: the request rules the mock enforces and the SDK checks before sending.
export { checkFieldList, type FieldListError, type FieldListResult } from './rules/field-list.js';
export { identifierProblem, ID_MAX_LENGTH } from './rules/identifier.js';
