// `@scrub/spec/rules`: the request rules the mock enforces and the SDK applies before sending.
export { checkPartialDelete, type PartialDeleteRequest, type QueryValues } from './rules/partial-delete.js';
export { checkFieldList, type FieldListResult, type RuleProblem } from './rules/field-list.js';
export { checkAuthorId, identifierProblem, ID_MAX_LENGTH } from './rules/identifier.js';
