// The framework-free mock core: state, rules and documented errors of both API areas.
export { handleRequest } from './handle.js';
export { createMockState, defaultFixture, type MockOptions, type MockState } from './state.js';
export { FixtureError, assertFixture, type AuditEntry, type Fixture, type FixtureProject, type FixtureAccount, type FixtureText } from './fixture-schema.js';
export { toMockRequest, isFault, json, BODY_LIMIT, type MockRequest, type MockResponse, type MockResult } from './http.js';
export { encrypt, decrypt } from '@scrub/sdk/crypto';
