// @scrub/mocks: the mock of both API areas (state, rules, documented errors) and MSW handlers over it,
// for `msw/node` and `msw/browser` alike. Importing it creates nothing: call `createMockState()` and
// `createHandlers(state)` (or import `@scrub/mocks/handlers` for ready-made ones).
export { createMockState, defaultFixture, assertFixture, areas, type Fixture, type MockState } from './state.js';
export { createHandlers, type HandlerOptions } from './msw/handlers.js';
export { override, errorResponse, type OverrideOptions } from './msw/overrides.js';
export { defineFixture, type FixtureInput, type ProjectInput, type AccountInput } from './fixture.js';
export { handleRequest, handleAdmin, FixtureError, ArmError, SessionError, FAULTS, toMockRequest, isFault, json, BODY_LIMIT } from './core/index.js';
export type { MockOptions, MockRequest, MockResponse, MockResult, ApiArea, Arm, ArmRequest, Fault, JournalEntry } from './core/index.js';
export type { AuditEntry, FixtureProject, IdCheckFixture, IdCheckState, IdCheckProject } from './idcheck/index.js';
export type { FixtureAccount, FixtureText, TextAssessmentFixture, TextAssessmentState, TextAccount } from './text-assessment/index.js';
export { encrypt, decrypt } from '@scrub/spec/crypto';
