// The real-target guard: on a deployment that is not the mock, a DELETE of anything the run was
// neither given nor created never leaves, and what the run created is deleted at the end. It learns
// what the run created from the answers (a projection id, an author of the suite's own).
import type { Credentials, Req, Res, Sent } from './model.js';
import { routesOn } from './routes.js';

/** The prefix of every author and id of the suite's own. */
export const OWN_PREFIX = 'scrub-contract-';
/** Projection ids that exist nowhere: requests that must fail name them. */
export const NO_PROJECTIONS: ReadonlySet<string> = new Set(['zzzzzzzzzzzzz', 'scrubcontract1']);

export interface GuardOptions {
  /** The target offers mock controls: its state is put back whole, nothing to guard. */
  controls: boolean;
  /** The one submission the set-up allows the run to (partially) delete. */
  deletableSubmissionId?: string;
  /** Reads a projection back with the headers of the DELETE about to go out (undefined: the read failed). */
  readBack(req: Req): Promise<Res | undefined>;
}

export interface Cleanup {
  /** What was deleted. */
  done: string[];
  /** What could not be deleted (the run fails: it left data behind). */
  failures: string[];
}

/** The projection a path names (the documented path exactly). */
const projectionOf = (path: string) =>
  routesOn(path).find((r) => r.operationId === 'deleteProjection')?.params.projectionId;
/** The author a text-assessment path names. */
const authorOf = (path: string) =>
  routesOn(path, { basePath: true }).find((r) => r.operationId === 'deleteAuthorSubmissions')?.params.id;

const bodyOf = (req: Req): { name?: unknown; author_id?: unknown } | null => {
  try {
    return JSON.parse(req.body ?? 'null');
  } catch {
    return null;
  }
};

export class TargetGuard {
  /** Projections this run created: id -> the name it sent (checked again before any delete). */
  readonly created = new Map<string, string>();
  /** Authors of the run's own (`scrub-contract-...`) with texts on the target. */
  readonly authors = new Set<string>();

  constructor(private readonly options: GuardOptions) {}

  /** Why `req` must not be sent (a DELETE of what the run was neither given nor created), or undefined. */
  async refusal(req: Req): Promise<string | undefined> {
    if (this.options.controls || req.method !== 'DELETE') return undefined;
    if (req.path === '/v3/submission/partial') {
      const ids = new URLSearchParams(req.query ?? '').getAll('submission_id');
      return ids.every((id) => id === this.options.deletableSubmissionId || id.startsWith(OWN_PREFIX))
        ? undefined
        : `a partial delete of submission ${ids.join(', ')}, which the set-up did not give as deletableSubmissionId`;
    }
    const projection = projectionOf(req.path);
    if (projection !== undefined) return this.projectionRefusal(req, projection);
    const author = authorOf(req.path);
    if (author !== undefined)
      return author.startsWith(OWN_PREFIX) ? undefined : `a delete of author ${author}, whom this run did not create`;
    return `a DELETE of ${req.path}, which the suite does not know`;
  }

  private async projectionRefusal(req: Req, projection: string): Promise<string | undefined> {
    if (NO_PROJECTIONS.has(projection)) return undefined;
    const name = this.created.get(projection);
    if (name === undefined) return `a delete of projection ${projection}, which this run did not create`;
    // the id came from the server: it must still name the projection this run created
    const read = await this.options.readBack({
      method: 'GET',
      path: `/v3/projection/${encodeURIComponent(projection)}`,
      headers: req.headers ?? {},
    });
    const found = (read?.json as { item?: { name?: unknown } } | undefined)?.item?.name;
    if (read?.status === 404 || found === name) return undefined;
    const now = JSON.stringify(found ?? null);
    return `a delete of projection ${projection}: this run created it as "${name}", the server now names it ${now}`;
  }

  /** Learns from an answer what the run created (or deleted) on a real target. */
  record(req: Req, res: Res): void {
    if (this.options.controls || res.status !== 200) return;
    const sent = bodyOf(req);
    const id = (res.json as { projection_id?: unknown } | undefined)?.projection_id;
    if (req.method === 'POST' && req.path === '/v3/projection' && typeof id === 'string')
      this.created.set(id, typeof sent?.name === 'string' ? sent.name : '');
    if (req.method === 'DELETE' && req.path.startsWith('/v3/projection/'))
      this.created.delete(projectionOf(req.path) ?? '');
    if (req.method === 'PUT' && typeof sent?.author_id === 'string' && sent.author_id.startsWith(OWN_PREFIX))
      this.authors.add(sent.author_id);
    if (req.method === 'DELETE' && req.path.includes('/author/')) this.authors.delete(authorOf(req.path) ?? '');
  }

  /**
   * Deletes what the run created and nothing else, through `send` (so the same refusals apply):
   * projections with any of the run's keys, authors with the run's token.
   */
  async cleanUp(send: (req: Req) => Promise<Sent>, creds: Credentials): Promise<Cleanup> {
    const result: Cleanup = { done: [], failures: [] };
    if (this.options.controls) return result;
    const status = (req: Req) =>
      send(req).then(
        (r) => r.status,
        () => 0,
      );
    const keys = [...new Set([creds.apiKey, creds.limitApiKey].filter((k): k is string => !!k))];
    for (const [id, name] of [...this.created]) {
      let gone = false;
      for (const apiKey of keys) {
        const path = `/v3/projection/${encodeURIComponent(id)}`;
        if ((await status({ method: 'DELETE', path, headers: { 'x-api-key': apiKey } })) !== 200) continue;
        result.done.push(`deleted projection ${id} ("${name}"), left by a case`);
        gone = true;
        break;
      }
      if (!gone)
        result.failures.push(`could not delete projection ${id} ("${name}"), created by this run: delete it by hand`);
    }
    if (!creds.accountId || !creds.token) return result;
    for (const who of [...this.authors]) {
      const path = `/${creds.version}/account/${encodeURIComponent(creds.accountId)}/author/${encodeURIComponent(who)}`;
      const code = await status({ method: 'DELETE', path, headers: { authorization: `Token token=${creds.token}` } });
      if (code === 200) result.done.push(`deleted the texts of author ${who} (this run's own)`);
      else result.failures.push(`could not delete the texts of author ${who} (status ${code}): delete them by hand`);
    }
    return result;
  }
}
