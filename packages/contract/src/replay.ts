// `traffic --replay`: each recorded API request sent again to a mock, the answers compared (status,
// message, body shape), ids the mock gave in place of recorded ones carried into later requests.
import { type HarEntry, replayRequest } from './har.js';
import { send } from './http.js';
import type { Res } from './model.js';
import { type Shape, shapeDifferences, shapeOf } from './shape.js';
import { messageOf } from './spec.js';

export interface Replayed {
  status: number;
  differences: string[];
  /** Why it was not replayed. */
  skipped?: string;
}

const projectionId = (json: unknown) => (json as { projection_id?: unknown } | undefined)?.projection_id;

/** How a replayed answer differs from the recorded one: status, message, and every key of the shape. */
export function answerDifferences(status: number, json: unknown, res: Pick<Res, 'status' | 'json'>): string[] {
  const differences: string[] = [];
  if (res.status !== status) differences.push(`status: ${status} recorded, ${res.status} replayed`);
  const recorded = messageOf(json);
  const replayed = messageOf(res.json);
  if (recorded !== replayed)
    differences.push(
      `message: ${JSON.stringify(recorded ?? null)} recorded, ${JSON.stringify(replayed ?? null)} replayed`,
    );
  // the same requests on the mock's same data: every key counts
  const shapes = shapeDifferences(
    JSON.parse(shapeOf(json)) as Shape,
    JSON.parse(shapeOf(res.json)) as Shape,
    'body',
    true,
  );
  return [
    ...differences,
    ...shapes.map((d) =>
      d
        .replace(/: (\S+) vs (\S+)$/, ': $1 recorded, $2 replayed')
        .replace('only in A', 'only recorded')
        .replace('only in B', 'only replayed'),
    ),
  ];
}

/** Replays the entries of one recording in order against `target`. */
export class Replayer {
  /** Ids the replay target gave for ids of the recording (a created projection has another id there). */
  private readonly ids = new Map<string, string>();
  /** Ids created by requests that were not replayed: requests naming them are not replayed either. */
  private readonly unreplayable = new Set<string>();

  constructor(
    private readonly target: string,
    private readonly redact: (text: string) => string = (t) => t,
  ) {}

  private mapIds = (text: string) =>
    [...this.ids].reduce((t, [recorded, replayed]) => t.split(recorded).join(replayed), text);

  /** Sends `entry` again (unless it cannot be) and compares the answer with the recorded `json`. */
  async replay(entry: HarEntry, json: unknown): Promise<Replayed> {
    const url = new URL(entry.request.url);
    const length = Number(
      (entry.request.headers ?? []).find((h) => h.name.toLowerCase() === 'content-length')?.value ?? 0,
    );
    if (length > 0 && entry.request.postData?.text === undefined) {
      // a recorder that kept no request body (Chromium's HAR, for some fetches)
      const created = projectionId(json);
      if (typeof created === 'string') this.unreplayable.add(created);
      return { status: 0, differences: [], skipped: 'not replayed: the recording holds no request body' };
    }
    const raw = `${url.pathname}${url.search}\n${entry.request.postData?.text ?? ''}`;
    const dependsOn = [...this.unreplayable].find((id) => raw.includes(id));
    if (dependsOn)
      return {
        status: 0,
        differences: [],
        skipped: `not replayed: it names ${dependsOn}, created by a request that was not replayed`,
      };
    try {
      const res = await send(this.target, replayRequest(entry, this.mapIds));
      const recordedId = projectionId(json);
      const replayedId = projectionId(res.json);
      if (typeof recordedId === 'string' && typeof replayedId === 'string' && recordedId !== replayedId)
        this.ids.set(recordedId, replayedId);
      return { status: res.status, differences: answerDifferences(entry.response.status, json, res).map(this.redact) };
    } catch (error) {
      return { status: 0, differences: [this.redact(`the replay failed: ${(error as Error).message}`)] };
    }
  }
}
