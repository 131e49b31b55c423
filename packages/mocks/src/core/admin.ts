// The admin routes under `/__mock` (api-decisions.md "Mock control"), served by the core so that every
// adapter offers them: `POST /__mock/reset`, `GET /__mock/state`, `PUT /__mock/state`.
import { FixtureError } from './fixture-check.js';
import { json, type MockResponse } from './http.js';
import type { MockStateCore } from './state.js';

export const ADMIN_PREFIX = '/__mock/';

/** True for a path under `/__mock/`. */
export const isAdminPath = (path: string) => path.startsWith(ADMIN_PREFIX);

/** Answers an admin request; `body` is the raw text (`tooLarge` when over the size limit). */
export function handleAdmin(state: MockStateCore, method: string, path: string, body: { text: string | undefined; tooLarge: boolean }): MockResponse {
  if (path === '/__mock/reset') {
    if (method !== 'POST') return json(405, { message: 'Method Not Allowed' });
    state.reset();
    return json(200, { message: 'state reset to the fixture' });
  }
  if (path === '/__mock/state') {
    if (method === 'GET') return json(200, state.toFixture());
    if (method !== 'PUT') return json(405, { message: 'Method Not Allowed' });
    if (body.tooLarge) return json(413, { message: 'Request Entity Too Large' });
    let fixture: unknown;
    try {
      fixture = JSON.parse(body.text ?? '');
    } catch {
      return json(400, { message: 'invalid JSON body' });
    }
    try {
      state.load(fixture);
    } catch (error) {
      if (error instanceof FixtureError) return json(400, { message: error.message });
      throw error;
    }
    return json(200, { message: 'state replaced' });
  }
  return json(404, { message: 'Not Found' });
}
