// The contract's real-target guard (guard.ts) for flows. Flows name what they create after the
// run's `runId` (author `flow-<runId>`), not the suite's `scrub-contract-` prefix: an author whose id
// holds the run id is the run's own, may be deleted (again: seed 002's repeat), and is deleted at
// the end if a flow left texts under it. Everything else is the contract guard's rule.
import { TargetGuard } from '../guard.js';
import type { Credentials, Req, Res, Sent } from '../model.js';
import { routesOn } from '../routes.js';

const authorOf = (path: string) =>
  routesOn(path, { basePath: true }).find((r) => r.operationId === 'deleteAuthorSubmissions')?.params.id;

export class FlowGuard {
  readonly guard: TargetGuard;

  constructor(
    private readonly options: { controls: boolean; runId: string; deletableSubmissionId?: string },
    readBack: (req: Req) => Promise<Res | undefined>,
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
    return this.guard.refusal(req);
  }

  /** Learns what the run created from an answer (its own authors with texts, its projections). */
  record(req: Req, res: Res): void {
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
