// The contract's real-target guard (guard.ts) for flows. Flows name what they create after the
// run's `runId` (author `flow-<runId>`), not the suite's `scrub-contract-` prefix: an author whose id
// holds the run id is the run's own, may be deleted (again: seed 002's repeat), and is deleted at
// the end if a flow left texts under it. A projection the run created and deleted may be deleted
// again (a flow checks the repeat answers 404) while the server has nothing under its id, or still
// the projection the run created. Everything else is the contract guard's rule.
import { TargetGuard } from '../guard.js';
import type { Credentials, Req, Res, Sent } from '../model.js';
import { routesOn } from '../routes.js';

const authorOf = (path: string) =>
  routesOn(path, { basePath: true }).find((r) => r.operationId === 'deleteAuthorSubmissions')?.params.id;
const projectionOf = (path: string) =>
  routesOn(path).find((r) => r.operationId === 'deleteProjection')?.params.projectionId;

export class FlowGuard {
  readonly guard: TargetGuard;
  /** Projections this run created and deleted: id -> the name it created them with. */
  private readonly deleted = new Map<string, string>();

  constructor(
    private readonly options: { controls: boolean; runId: string; deletableSubmissionId?: string },
    private readonly readBack: (req: Req) => Promise<Res | undefined>,
  ) {
    const { controls, deletableSubmissionId } = options;
    this.guard = new TargetGuard({ controls, ...(deletableSubmissionId ? { deletableSubmissionId } : {}), readBack });
  }

  /** An id the run built from its run id (each workflow's run id starts with the run's). */
  private own(id: string): boolean {
    return id.split(/[^a-z0-9]+/i).some((part) => part.startsWith(this.options.runId));
  }

  /** Why `req` must not be sent, or undefined. */
  async refusal(req: Req): Promise<string | undefined> {
    if (this.options.controls || req.method !== 'DELETE') return undefined;
    const author = authorOf(req.path);
    if (author !== undefined && this.own(author)) return undefined;
    const projection = projectionOf(req.path);
    const name = projection === undefined ? undefined : this.deleted.get(projection);
    if (name !== undefined && !this.guard.created.has(projection!)) return this.deleteAgain(req, projection!, name);
    return this.guard.refusal(req);
  }

  /** A repeat delete of a projection the run deleted: sent while its id names nothing, or still the run's. */
  private async deleteAgain(req: Req, projection: string, name: string): Promise<string | undefined> {
    const path = `/v3/projection/${encodeURIComponent(projection)}`;
    const read = await this.readBack({ method: 'GET', path, headers: req.headers ?? {} });
    const found = (read?.json as { item?: { name?: unknown } } | undefined)?.item?.name;
    if (read?.status === 404 || found === name) return undefined;
    const now = JSON.stringify(found ?? null);
    return `a delete of projection ${projection}: this run deleted it as "${name}", the server now names it ${now}`;
  }

  /** Learns what the run created from an answer (its own authors with texts, its projections). */
  record(req: Req, res: Res): void {
    const projection = req.method === 'DELETE' && res.status === 200 ? projectionOf(req.path) : undefined;
    const name = projection === undefined ? undefined : this.guard.created.get(projection);
    if (name !== undefined) this.deleted.set(projection!, name);
    this.guard.record(req, res);
    if (this.options.controls || res.status !== 200 || req.method !== 'PUT') return;
    try {
      const author = (JSON.parse(req.body ?? 'null') as { author_id?: unknown } | null)?.author_id;
      if (typeof author === 'string' && this.own(author)) this.guard.authors.add(author);
    } catch {
      // not JSON: nothing was created under an author
    }
  }

  /** Deletes what the run created and left (the contract guard's clean-up, through the same refusals). */
  cleanUp(send: (req: Req) => Promise<Sent>, creds: Credentials) {
    return this.guard.cleanUp(send, creds);
  }
}
