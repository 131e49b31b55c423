// The smoke through `require()`: `<runtime> smoke-cjs.cjs <url> <session>` prints the result as JSON.
const sdk = require('@scrub/sdk');

const [url, session] = process.argv.slice(2);
if (!require.resolve('@scrub/sdk').endsWith('.cjs'))
  throw new Error('@scrub/sdk did not resolve to its CommonJS build');
import('./smoke.mjs').then(({ smoke }) => smoke(sdk, url, session)).then((out) => console.log(JSON.stringify(out)));
