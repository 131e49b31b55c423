// Which operation an exchange is, from the spec's route table, and what each path segment holds: kept
// (literals, the version, a projection id), personal (author and text ids) or the account id (a
// credential). docs/decisions.md "Recordings: what is personal, and its pseudonyms".
import { type Area, type OperationId, operationRoutes } from '../catalogue.js';

/** What a path segment holds. */
export type Segment = 'keep' | 'personal' | 'account';

export interface Route {
  area: Area;
  /** Undefined when the path is known but not with this method, or not known at all. */
  operationId: OperationId | undefined;
  /** One entry per segment of the path (the empty one before the first `/` included). */
  segments: Segment[];
  /** The segments' values by their template name (`id`, `projectionId`, `account_id`, `version`), decoded. */
  params: Record<string, string>;
}

const PARAM_SEGMENT: Record<string, Segment> = {
  version: 'keep',
  projectionId: 'keep',
  account_id: 'account',
  id: 'personal',
};
// a text-assessment path: a version-like first segment, then `account` (as the mock's area claims them)
const VERSION = /^[vV0-9][^/]*$/;

const TEMPLATES = Object.entries(operationRoutes).map(([operationId, route]) => ({
  operationId: operationId as OperationId,
  method: route.method,
  area: route.area,
  parts: route.path.split('/'),
}));

export const decodeSegment = (raw: string) => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

/** The segments and params of `parts` under a template's `parts`, or undefined when they do not fit. */
function fit(template: readonly string[], parts: readonly string[]): Pick<Route, 'segments' | 'params'> | undefined {
  if (template.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  const segments: Segment[] = [];
  for (const [i, part] of template.entries()) {
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      if (part !== parts[i]) return undefined;
      segments.push('keep');
      continue;
    }
    if (name === 'version' && !VERSION.test(parts[i]!)) return undefined;
    params[name] = decodeSegment(parts[i]!);
    segments.push(PARAM_SEGMENT[name] ?? 'personal');
  }
  return { segments, params };
}

/** The operation of the template `parts` fit with this method, else any template they fit (a 405). */
function fromTemplate(method: string, parts: readonly string[]): Route | undefined {
  let found: Route | undefined;
  for (const t of TEMPLATES) {
    const fitted = fit(t.parts, parts);
    if (!fitted) continue;
    const route = { area: t.area, operationId: t.method === method ? t.operationId : undefined, ...fitted };
    if (route.operationId || !found) found = route;
  }
  return found;
}

/** The route of a request, or undefined when the path belongs to neither API. Unknown segments are personal. */
export function routeOf(method: string, pathname: string): Route | undefined {
  const parts = pathname.split('/');
  const known = fromTemplate(method.toUpperCase(), parts);
  if (known) return known;
  if (parts[1] === 'v3')
    return {
      area: 'idcheck',
      operationId: undefined,
      segments: parts.map((_, i) => (i < 2 ? 'keep' : 'personal')),
      params: {},
    };
  if (parts.length > 3 && VERSION.test(parts[1]!) && parts[2] === 'account')
    return {
      area: 'text-assessment',
      operationId: undefined,
      segments: parts.map((_, i) => (i < 3 ? 'keep' : i === 3 ? 'account' : 'personal')),
      params: { version: decodeSegment(parts[1]!), account_id: decodeSegment(parts[3]!) },
    };
  return undefined;
}

/** How a segment that is not kept is shown: its template name. */
const HIDDEN: Record<Exclude<Segment, 'keep'>, string> = { personal: '{id}', account: '{account_id}' };

/**
 * A request path as a log line may show it while real traffic passes: literal segments, the version
 * and projection ids as they are; author, text and account ids as `{id}` / `{account_id}`; a path of
 * neither API as `/…` (it may hold anything).
 */
export function shownPath(method: string, pathname: string): string {
  const route = routeOf(method, pathname);
  if (!route) return '/…';
  return pathname
    .split('/')
    .map((part, i) => {
      const segment = route.segments[i] ?? 'personal';
      return segment === 'keep' ? part : HIDDEN[segment];
    })
    .join('/');
}
