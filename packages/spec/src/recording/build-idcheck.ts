// The ID-check part of a recording's fixture: a project per API key seen (in order of first use),
// holding what its 2xx answers showed: submissions read (merged), partial deletes, projections.
import type { FixtureProject, IdCheckFixture } from '../fixture.js';
import { projectionFieldValues } from '../generated/idcheck.js';
import { applyPartialDelete } from '../rules/partial-delete.js';
import { headerValue } from './exchange.js';
import type { Rewritten } from './rewrite.js';
import { parseUrl } from './url.js';

type Submission = FixtureProject['submissions'][number];
type Projection = FixtureProject['projections'][number];
type Json = Record<string, unknown>;

interface Project {
  id: string;
  apiKey: string;
  encryption: boolean;
  submissions: Map<string, Json>;
  projections: Projection[];
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const PROJECTION_FIELDS: ReadonlySet<string> = new Set(projectionFieldValues);
/** The most projections a project holds (the API's limit; the mock refuses a fixture with more). */
const PROJECTION_LIMIT = 10;

/** A projection as the spec types it (what the mock's fixture check takes), or undefined. */
function projectionOf(v: unknown): Projection | undefined {
  if (!isObject(v)) return undefined;
  const { projection_id: id, name, mode, fields, created_at: at } = v;
  const fits =
    typeof id === 'string' &&
    /^[a-z0-9]{13}$/.test(id) &&
    typeof name === 'string' &&
    /^[a-z0-9_]+$/.test(name) &&
    mode === 'exclude' &&
    strings(fields) &&
    fields.every((f) => PROJECTION_FIELDS.has(f)) &&
    typeof at === 'string';
  return fits ? ({ projection_id: id, name, mode, fields: [...fields], created_at: at } as Projection) : undefined;
}

/**
 * Objects merge key by key (a later read through a projection does not delete what it leaves out);
 * other values are replaced.
 */
function merge(into: Json, from: Json): Json {
  for (const [key, value] of Object.entries(from)) {
    const old = into[key];
    Object.defineProperty(into, key, {
      value: isObject(old) && isObject(value) ? merge(old, value) : structuredClone(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return into;
}

/** A submission the mock's check takes: a non-empty id; email, userid and projection_id strings; data an object. */
function isSubmission(v: unknown): v is Json & { submission_id: string } {
  if (!isObject(v) || typeof v.submission_id !== 'string' || v.submission_id === '') return false;
  const typed = (key: string, check: (x: unknown) => boolean) => v[key] === undefined || check(v[key]);
  const isString = (x: unknown) => typeof x === 'string';
  return (
    typed('email', isString) && typed('userid', isString) && typed('projection_id', isString) && typed('data', isObject)
  );
}

export class IdCheckBuilder {
  readonly #projects = new Map<string, Project>();

  /** The project of an exchange's (fresh) key, created on its first use. */
  #project(apiKey: string): Project {
    let project = this.#projects.get(apiKey);
    if (!project) {
      const id = `recorded-${this.#projects.size + 1}`;
      project = { id, apiKey, encryption: false, submissions: new Map(), projections: [] };
      this.#projects.set(apiKey, project);
    }
    return project;
  }

  /** Adds or replaces a projection by id; names are unique, so an older one of that name goes (an unseen delete). */
  #upsert(project: Project, projection: Projection): void {
    const id = projection.projection_id;
    const list = project.projections.filter((p) => p.name !== projection.name || p.projection_id === id);
    const at = list.findIndex((p) => p.projection_id === id);
    if (at === -1) list.push(projection);
    else list[at] = projection;
    // past the API's limit the oldest go: deletes the recording did not see
    project.projections = list.slice(-PROJECTION_LIMIT);
  }

  /** Takes what one written exchange shows (`note` for what it cannot use). */
  add(x: Rewritten, note: (text: string) => void): void {
    const apiKey = headerValue(x.exchange.request.headers, 'x-api-key');
    if (x.route?.area !== 'idcheck' || !apiKey) return;
    const project = this.#project(apiKey);
    if (x.sealed) project.encryption = true;
    const { status } = x.exchange.response;
    if (status < 200 || status > 299 || !x.route.operationId) return;
    const body = isObject(x.response) ? x.response : {};
    const op = x.route.operationId;
    if (op === 'getSubmission') this.#read(project, body.Items, note);
    else if (op === 'partialDeleteSubmission') this.#partialDelete(project, x, body);
    else if (op === 'createProjection') this.#created(project, x, body, note);
    else if (op === 'getProjection') {
      const p = projectionOf(body.item);
      if (p) this.#upsert(project, p);
    } else if (op === 'deleteProjection') {
      const id = x.route.params.projectionId;
      project.projections = project.projections.filter((p) => p.projection_id !== id);
    } else if (op === 'listProjections') {
      // the list replaces what the project had
      const items = Array.isArray(body.items) ? body.items.map(projectionOf) : [];
      if (items.some((p) => !p)) note("a listed projection is not in the spec's shape: left out");
      project.projections = [];
      for (const p of items) if (p) this.#upsert(project, p);
    }
  }

  #read(project: Project, items: unknown, note: (text: string) => void): void {
    for (const item of Array.isArray(items) ? items : []) {
      if (!isSubmission(item)) {
        note("a submission read is not in the spec's shape: left out");
        continue;
      }
      const known = project.submissions.get(item.submission_id);
      project.submissions.set(item.submission_id, known ? merge(known, item) : merge({}, item));
    }
  }

  #partialDelete(project: Project, x: Rewritten, body: Json): void {
    const deleted = isObject(body.deleted) ? body.deleted : {};
    const query = parseUrl(x.exchange.request.url).parsed.searchParams;
    const id = typeof body.submission_id === 'string' ? body.submission_id : query.get('submission_id');
    const submission = id === null ? undefined : project.submissions.get(id);
    if (!submission) return;
    applyPartialDelete(
      submission,
      strings(deleted.fields) ? deleted.fields : [],
      strings(deleted.data_fields) ? deleted.data_fields : [],
    );
  }

  #created(project: Project, x: Rewritten, body: Json, note: (text: string) => void): void {
    const request = isObject(x.request) ? x.request : {};
    const at = new Date(x.exchange.startedDateTime);
    const projection = projectionOf({
      projection_id: body.projection_id,
      name: request.name,
      mode: request.mode,
      fields: request.fields,
      created_at: Number.isNaN(at.getTime()) ? undefined : at.toISOString(),
    });
    if (projection) this.#upsert(project, projection);
    else note("a created projection is not in the spec's shape (or has no start time): left out");
  }

  fixture(): IdCheckFixture {
    return {
      projects: [...this.#projects.values()].map((p) => ({
        id: p.id,
        apiKeys: [p.apiKey],
        encryption: p.encryption,
        submissions: [...p.submissions.values()] as Submission[],
        projections: p.projections,
      })),
      orphanApiKeys: [],
    };
  }
}
