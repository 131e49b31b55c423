// `@scrub/spec/rules`: the request rules the mock enforces and the SDK applies before sending.

export { checkFieldList, type FieldListResult, type RuleProblem } from './rules/field-list.js';
export { checkAuthorId, ID_MAX_LENGTH, identifierProblem } from './rules/identifier.js';
export {
  applyPartialDelete,
  checkPartialDelete,
  type PartialDeleteRequest,
  type QueryValues,
} from './rules/partial-delete.js';
