// A server that is right for every single request and wrong across steps (issue 21): a repeated
// author delete answers a fresh timestamp instead of the first one (seed 002), and a partial delete
// also loses `data.last_name` on later reads of the submission (seed 000). Each answer alone is
// valid and documented; only a flow notices. Seeding the mock (`PUT /__mock/state`) forgets both.
import { type Running, startProxy } from './servers.js';

const AUTHOR = /^\/[^/]+\/account\/[^/]+\/author\/[^/]+$/;

/** An ISO timestamp (seconds) after `first` and not before now: what a server that forgot would answer. */
const fresh = (first: string) =>
  new Date(Math.max(Date.now(), Date.parse(first) + 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function startWrongAcrossStepsServer(mockUrl: string): Promise<Running> {
  const firstDelete = new Map<string, string>();
  const partiallyDeleted = new Set<string>();
  return startProxy(mockUrl, async (x, forward) => {
    const r = await forward();
    if (x.method === 'PUT' && x.path === '/__mock/state') {
      firstDelete.clear();
      partiallyDeleted.clear();
    }
    if (r.status !== 200) return r;
    if (x.method === 'DELETE' && AUTHOR.test(x.path)) {
      const body = JSON.parse(r.text);
      const first = firstDelete.get(x.path);
      if (first === undefined) firstDelete.set(x.path, body.timestamp);
      else r.text = JSON.stringify({ ...body, timestamp: fresh(first) });
    }
    if (x.method === 'DELETE' && x.path === '/v3/submission/partial')
      for (const id of new URLSearchParams(x.url.split('?')[1]).getAll('submission_id')) partiallyDeleted.add(id);
    if (x.method === 'GET' && x.path === '/v3/submission') {
      const body = JSON.parse(r.text);
      for (const item of body.Items ?? []) if (partiallyDeleted.has(item.submission_id)) delete item.data?.last_name;
      r.text = JSON.stringify(body);
    }
    return r;
  });
}
