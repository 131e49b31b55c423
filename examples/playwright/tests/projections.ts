// What each worker does, in its own session: fill the project to the 10-projection limit from the
// page, meet the limit, and arm an answer through the admin route. Without sessions the two workers
// would share one project, and one of them would meet the limit early.
import { expect, test } from '@playwright/test';

/** A request from outside any session (plain fetch: no `extraHTTPHeaders`). */
const outside = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${test.info().project.use.baseURL}${path}`, { headers });

export function projectionsSuite(label: string) {
  // a worker runs several tests in a row: each starts from the fixture, in this worker's session only
  test.beforeEach(async ({ request }) => {
    expect((await request.post('/__mock/reset')).status()).toBe(200);
  });

  test(`${label}: fills its own project to the limit, then meets it`, async ({ page, request }) => {
    await page.goto('/docs'); // any page of the mock's origin: the calls below are same-origin
    const statuses = await page.evaluate(async (label) => {
      const out: number[] = [];
      for (let i = 0; i < 10; i++) {
        const r = await fetch('/v3/projection', {
          method: 'POST',
          headers: { 'x-api-key': 'test-api-key', 'content-type': 'application/json' },
          body: JSON.stringify({ name: `${label}_${i}`, mode: 'exclude', fields: ['gender'] }),
        });
        out.push(r.status);
      }
      return out;
    }, label);
    // the fixture's project holds one projection: nine more fill it, the tenth is refused
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 409]);
    // this session holds this worker's projections only; the default session (no header) none of them
    const mine = await (await request.get('/v3/projection', { headers: { 'x-api-key': 'test-api-key' } })).json();
    expect(mine.items.map((p: { name: string }) => p.name).sort()).toEqual(
      ['hide_birth', ...Array.from({ length: 9 }, (_, i) => `${label}_${i}`)].sort(),
    );
    const shared = await (await outside('/v3/projection', { 'x-api-key': 'test-api-key' })).json();
    expect(shared.items.map((p: { name: string }) => p.name)).toEqual(['hide_birth']);
  });

  test(`${label}: arms an answer for its own session only`, async ({ request }) => {
    const armed = await request.post('/__mock/arm', { data: { operationId: 'listProjections', status: 500 } });
    expect(armed.status()).toBe(201);
    expect((await request.get('/v3/projection', { headers: { 'x-api-key': 'test-api-key' } })).status()).toBe(500);
    const journal = await (await request.get('/__mock/requests?operationId=listProjections')).json();
    expect(journal.requests).toHaveLength(1);
    expect(journal.requests[0]).toMatchObject({ status: 500, armed: true });
    // the arm and the journal were this session's: the default session has neither
    expect((await (await outside('/__mock/arm')).json()).arms).toEqual([]);
    expect((await outside('/v3/projection', { 'x-api-key': 'test-api-key' })).status).toBe(200);
  });
}
