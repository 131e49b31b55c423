// JUnit XML for CI: one writer for every report (run, compare, traffic), fed test cases of one shape.

/** Text safe inside an XML attribute or element. */
export const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface JunitCase {
  classname: string;
  name: string;
  /** How long it took (a `time` attribute in seconds). */
  ms?: number;
  /** A failure: its first line as the message; `detail` (all of it) as the element's text. */
  failure?: { message: string; detail?: string };
  /** Why it did not run. */
  skipped?: string;
}

export interface JunitSuite {
  name: string;
  cases: readonly JunitCase[];
}

function testcase(c: JunitCase): string {
  const time = c.ms === undefined ? '' : ` time="${(c.ms / 1000).toFixed(3)}"`;
  const body = c.failure
    ? c.failure.detail === undefined
      ? `<failure message="${xml(c.failure.message)}"/>`
      : `<failure message="${xml(c.failure.message)}">${xml(c.failure.detail)}</failure>`
    : c.skipped !== undefined
      ? `<skipped message="${xml(c.skipped)}"/>`
      : '';
  return `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"${time}>${body}</testcase>`;
}

function testsuite(suite: JunitSuite, countSkipped: boolean): string {
  const failures = suite.cases.filter((c) => c.failure).length;
  const skipped = suite.cases.filter((c) => !c.failure && c.skipped !== undefined).length;
  const counts = `tests="${suite.cases.length}" failures="${failures}"${countSkipped ? ` skipped="${skipped}"` : ''}`;
  return `  <testsuite name="${xml(suite.name)}" ${counts}>\n${suite.cases.map(testcase).join('\n')}\n  </testsuite>`;
}

/**
 * A JUnit document of `suites` under `name`. `countSkipped: false` leaves the `skipped` count out
 * (reports whose cases never skip).
 */
export function junitXml(name: string, suites: readonly JunitSuite[], options: { countSkipped?: boolean } = {}) {
  const parts = suites.map((s) => testsuite(s, options.countSkipped ?? true));
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(name)}">`;
  return `${head}\n${parts.join('\n')}\n</testsuites>\n`;
}
