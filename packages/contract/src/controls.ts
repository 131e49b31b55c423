// The mock's controls (`/__mock/state`): whether the target offers them, the suite's fixture seeded
// before each case, and the target's own state put back at the end.
import { contractFixture } from './fixture.js';
import { send } from './http.js';

/** The mock state of `admin` when it offers controls (both areas present), else undefined. */
export async function probeControls(admin: string): Promise<unknown | undefined> {
  try {
    const res = await send(admin, { method: 'GET', path: '/__mock/state' }, 5_000);
    const body = res.json as { idcheck?: unknown; textAssessment?: unknown } | undefined;
    return res.status === 200 && body?.idcheck && body.textAssessment ? body : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the mock state of `admin` with `state`. */
export async function putState(admin: string, state: unknown): Promise<void> {
  await send(admin, {
    method: 'PUT',
    path: '/__mock/state',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state),
  });
}

/** Seeds the suite's fixture (every case then finds the credentials and records it needs). */
export const seedFixture = (admin: string): Promise<void> => putState(admin, contractFixture);
