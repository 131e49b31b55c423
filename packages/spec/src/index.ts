// @scrub/spec: what the two hand-written specs say, as data and types, for the SDK, the mock and the
// contract suite alike. Generated per area under `@scrub/spec/<area>` (types, enums, catalogue) and
// `@scrub/spec/<area>/document` (the spec as data); request rules under `@scrub/spec/rules`;
// the encryption option under `@scrub/spec/crypto`; recordings (pseudonymised traffic and the fixture
// built from it) under `@scrub/spec/recording`. The fixture format is here, as types.
export {
  type Area,
  type DocumentedError,
  type DocumentedMessage,
  documentedErrorFor,
  documentedErrorOf,
  documentedResponse,
  type ErrorMessages,
  errorBody,
  errorMessages,
  type OperationId,
  type Operations,
  operationRoutes,
  type SuccessBody,
} from './catalogue.js';
export type {
  AuditEntry,
  Fixture,
  FixtureAccount,
  FixtureAuthorDeletion,
  FixtureProject,
  FixtureText,
  IdCheckFixture,
  TextAssessmentFixture,
} from './fixture.js';
export {
  deref,
  fillTemplate,
  HTTP_METHODS,
  messageOf,
  operations,
  pointer,
  pointerPath,
  templateMatches,
  templateShape,
} from './helpers.js';
