// /v3/projection and /v3/projection/{projectionId}. Create runs check-then-insert without awaiting,
// so concurrent creates can never overshoot the limit of 10.

import { decrypt } from '@scrub/spec/crypto';
import { projectionFieldValues } from '@scrub/spec/idcheck';
import type { OperationRequest } from '../core/area.js';
import { documentedError } from '../core/errors.js';
import type { MockResponse } from '../core/response.js';
import { type ProjectAuth, success } from './credentials.js';
import { type IdCheckProject, type IdCheckState, PROJECTION_LIMIT, type Projection } from './state.js';

const PROJECTION_FIELDS: ReadonlySet<string> = new Set(projectionFieldValues);
const NAME = /^[a-z0-9_]+$/;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

// Random bytes drawn 64 ids at a time: one call into the system's generator per 64 creates, not one
// per create (it was a tenth of a create's time in the bench profile; bench/README.md).
const ID_LENGTH = 13;
const pool = new Uint8Array(ID_LENGTH * 64);
let drawn = pool.length;

function randomIdBytes(): Uint8Array {
  if (drawn + ID_LENGTH > pool.length) {
    crypto.getRandomValues(pool);
    drawn = 0;
  }
  drawn += ID_LENGTH;
  return pool.subarray(drawn - ID_LENGTH, drawn);
}

function newProjectionId(project: IdCheckProject): string {
  for (;;) {
    const bytes = randomIdBytes();
    const id = Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
    if (!project.projections.some((p) => p.projection_id === id)) return id;
  }
}

type Parsed = { ok: true; value: unknown } | { ok: false; response: MockResponse };

function parseBody(project: IdCheckProject, apiKey: string, raw: string | undefined): Parsed {
  const parse = (text: string | undefined): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: JSON.parse(text ?? '') };
    } catch {
      return { ok: false };
    }
  };
  const outer = parse(raw);
  if (!project.encryption)
    return outer.ok ? outer : { ok: false, response: documentedError('createProjection', 'Invalid JSON body') };
  const invalid = { ok: false as const, response: documentedError('createProjection', 'Invalid encrypted body') };
  if (!outer.ok || typeof outer.value !== 'object' || outer.value === null || Array.isArray(outer.value))
    return invalid;
  const keys = Object.keys(outer.value);
  const sealed = (outer.value as Record<string, unknown>).body;
  if (keys.length !== 1 || typeof sealed !== 'string') return invalid;
  const inner = parse(decrypt(apiKey, sealed));
  return inner.ok ? inner : invalid;
}

type Call = OperationRequest<IdCheckState>;

export function createProjection({ request, options }: Call, auth: ProjectAuth): MockResponse {
  const op = 'createProjection';
  const parsed = parseBody(auth.project, auth.apiKey, request.body);
  if (!parsed.ok) return parsed.response;

  const body = (
    typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value) ? parsed.value : {}
  ) as Record<string, unknown>;
  const { name, mode, fields } = body;
  const failing: string[] = [];
  if (typeof name !== 'string' || !NAME.test(name)) failing.push('name');
  if (typeof mode !== 'string' || mode === '') failing.push('mode');
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === 'string' && f !== ''))
    failing.push('fields');
  if (failing.length)
    return documentedError(op, 'Invalid request body: {attributes}', { attributes: failing.join(', ') });
  if (mode !== 'exclude') return documentedError(op, 'Invalid mode: {mode}', { mode: mode as string });
  const names = fields as string[];
  const unknown = [...new Set(names.filter((f) => !PROJECTION_FIELDS.has(f)))];
  if (unknown.length) return documentedError(op, 'Invalid fields detected: {names}', { names: unknown.join(', ') });

  const { projections } = auth.project;
  if (projections.some((p) => p.name === name)) return documentedError(op, 'Projection name already exists');
  if (projections.length >= PROJECTION_LIMIT) return documentedError(op, 'Projection count limit exceeded');
  const projection = {
    projection_id: newProjectionId(auth.project),
    name: name as string,
    mode: 'exclude',
    fields: [...names],
    created_at: options.now().toISOString(),
  } as Projection;
  projections.push(projection);
  return success(auth, { projection_id: projection.projection_id, message: 'Create projection success' });
}

export function listProjections(_call: Call, auth: ProjectAuth): MockResponse {
  return success(auth, { items: auth.project.projections, message: 'Get projection list success' });
}

export function getProjection({ params }: Call, auth: ProjectAuth): MockResponse {
  const { projectionId } = params;
  const item = auth.project.projections.find((p) => p.projection_id === projectionId);
  if (!item) return documentedError('getProjection', 'Projection not found');
  return success(auth, { item, message: 'Get projection success' });
}

export function deleteProjection({ params }: Call, auth: ProjectAuth): MockResponse {
  const { projectionId } = params;
  const index = auth.project.projections.findIndex((p) => p.projection_id === projectionId);
  if (index === -1) return documentedError('deleteProjection', 'Projection not found');
  auth.project.projections.splice(index, 1);
  return success(auth, { message: 'Delete projection success' });
}
