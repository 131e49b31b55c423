// What a server that is right for every single request and wrong across steps does to the answers
// (issue 21): a repeated author delete answers a fresh timestamp instead of the first one (seed 002),
// and a partial delete also loses `data.last_name` on later reads of that submission (seed 000). Each
// answer alone is valid and documented; only a flow notices. Seeding the mock (`PUT /__mock/state`)
// forgets both. The contract's flows test and the `redocly respect` test put it in front of a mock.
import type { Drift, Exchange } from './staging.js';

const AUTHOR = /^\/[^/]+\/account\/[^/]+\/author\/[^/]+$/;

/** An ISO timestamp (seconds) after `first` and not before now: what a server that forgot would answer. */
const fresh = (first: string) =>
  new Date(Math.max(Date.now(), Date.parse(first) + 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A rewrite of the answers with its own memory of the run: one per server. */
export function wrongAcrossSteps(): Drift {
  const firstDelete = new Map<string, string>();
  const partiallyDeleted = new Set<string>();
  return (r: Exchange): Exchange => {
    if (r.method === 'PUT' && r.path === '/__mock/state') {
      firstDelete.clear();
      partiallyDeleted.clear();
    }
    if (r.status !== 200) return r;
    if (r.method === 'DELETE' && AUTHOR.test(r.path)) {
      const body = JSON.parse(r.text);
      const first = firstDelete.get(r.path);
      if (first === undefined) firstDelete.set(r.path, body.timestamp);
      else return { ...r, text: JSON.stringify({ ...body, timestamp: fresh(first) }) };
    }
    if (r.method === 'DELETE' && r.path === '/v3/submission/partial')
      for (const id of new URLSearchParams(r.url.split('?')[1]).getAll('submission_id')) partiallyDeleted.add(id);
    if (r.method === 'GET' && r.path === '/v3/submission') {
      const body = JSON.parse(r.text);
      for (const item of body.Items ?? []) if (partiallyDeleted.has(item.submission_id)) delete item.data?.last_name;
      return { ...r, text: JSON.stringify(body) };
    }
    return r;
  };
}
