// The admin routes under `/__mock` (docs/decisions.md "Mock control" and "Test-side control"), served
// by the core so that every adapter offers them. All bodies are JSON; every refusal is
// `400 {"message": "<what is wrong>"}`.
import { ArmError } from './control.js';
import { FixtureError } from './fixture-check.js';
import type { RequestBody } from './request.js';
import { json, type MockResponse } from './response.js';
import { type MockStateCore, SESSION_HEADER, stateFor } from './state.js';

export const ADMIN_PREFIX = '/__mock/';
/** The header that picks a session's state, arms and journal. */
export { SESSION_HEADER, stateFor };

/** True for a path under `/__mock/`. */
export const isAdminPath = (path: string) => path.startsWith(ADMIN_PREFIX);

const METHOD_NOT_ALLOWED = () => json(405, { message: 'Method Not Allowed' });

function parse(body: RequestBody): { ok: true; value: unknown } | { ok: false; response: MockResponse } {
  if (body.tooLarge) return { ok: false, response: json(400, { message: 'request body over 1 MiB' }) };
  try {
    return { ok: true, value: JSON.parse(body.text ?? '') };
  } catch {
    return { ok: false, response: json(400, { message: 'invalid JSON body' }) };
  }
}

/**
 * Answers an admin request. `body` is the raw text (`tooLarge` when over the size limit), `search`
 * the query string, `session` the `x-mock-session` header.
 */
export function handleAdmin(
  root: MockStateCore,
  method: string,
  path: string,
  body: RequestBody,
  search = '',
  session?: string,
): MockResponse {
  const state = stateFor(root, session);
  if (!('control' in state)) return state;
  switch (path) {
    case '/__mock/reset':
      if (method !== 'POST') return METHOD_NOT_ALLOWED();
      state.reset();
      return json(200, { message: 'state reset to the fixture' });
    case '/__mock/state': {
      if (method === 'GET') return json(200, state.toFixture());
      if (method !== 'PUT') return METHOD_NOT_ALLOWED();
      const fixture = parse(body);
      if (!fixture.ok) return fixture.response;
      try {
        state.load(fixture.value);
      } catch (error) {
        if (error instanceof FixtureError) return json(400, { message: error.message });
        throw error;
      }
      return json(200, { message: 'state replaced' });
    }
    case '/__mock/arm': {
      if (method === 'GET') return json(200, { arms: state.arms });
      if (method === 'DELETE') {
        state.disarm();
        return json(200, { arms: [] });
      }
      if (method !== 'POST') return METHOD_NOT_ALLOWED();
      const arm = parse(body);
      if (!arm.ok) return arm.response;
      try {
        return json(201, { arm: state.control.arm(arm.value) });
      } catch (error) {
        if (error instanceof ArmError) return json(400, { message: error.message });
        throw error;
      }
    }
    case '/__mock/requests': {
      if (method === 'DELETE') {
        state.clearRequests();
        return json(200, { requests: [] });
      }
      if (method !== 'GET') return METHOD_NOT_ALLOWED();
      const operationId = new URLSearchParams(search).get('operationId') ?? undefined;
      return json(200, { requests: state.control.requests(operationId === undefined ? {} : { operationId }) });
    }
  }
  return json(404, { message: 'Not Found' });
}
