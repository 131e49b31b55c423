// @scrub/mocks: the mock of both API areas (state, rules, documented errors) and MSW handlers over it,
// for `msw/node` and `msw/browser` alike. Importing it creates nothing: call `createMockState()` and
// `createHandlers(state)` (or import `@scrub/mocks/handlers` for ready-made ones).

// the fixture format is the spec's (recordings build fixtures too), re-exported under the same names
export type {
  AuditEntry,
  Fixture,
  FixtureAccount,
  FixtureAuthorDeletion,
  FixtureProject,
  FixtureText,
  IdCheckFixture,
  TextAssessmentFixture,
} from '@scrub/spec';
export { decrypt, encrypt } from '@scrub/spec/crypto';
export type {
  ApiArea,
  Arm,
  ArmRequest,
  Fault,
  JournalEntry,
  MockOptions,
  MockRequest,
  MockResponse,
  MockResult,
} from './core/index.js';
export {
  ArmError,
  BODY_LIMIT,
  FAULTS,
  FixtureError,
  handleAdmin,
  handleRequest,
  isFault,
  json,
  SessionError,
  toMockRequest,
} from './core/index.js';
export { type AccountInput, defineFixture, type FixtureInput, type ProjectInput } from './fixture.js';
export type { IdCheckProject, IdCheckState } from './idcheck/index.js';
export { createHandlers, type HandlerOptions } from './msw/handlers.js';
export { errorResponse, type OverrideOptions, override } from './msw/overrides.js';
export { areas, assertFixture, createMockState, defaultFixture, type MockState } from './state.js';
export type { TextAccount, TextAssessmentState } from './text-assessment/index.js';
