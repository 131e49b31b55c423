// @scrub/spec: what the two hand-written specs say, as data and types, for the SDK, the mock and the
// contract suite alike. Generated per area under `@scrub/spec/<area>` (types, enums, catalogue) and
// `@scrub/spec/<area>/document` (the spec as data); request rules under `@scrub/spec/rules`;
// the encryption option under `@scrub/spec/crypto`.
export {
  errorMessages,
  operationRoutes,
  errorBody,
  documentedErrorOf,
  documentedResponse,
  documentedErrorFor,
  type Area,
  type DocumentedError,
  type DocumentedMessage,
  type ErrorMessages,
  type OperationId,
  type Operations,
  type SuccessBody,
} from './catalogue.js';
export { deref, fillTemplate, messageOf, operations, pointer, pointerPath, templateMatches, HTTP_METHODS } from './helpers.js';
