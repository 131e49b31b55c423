// The smoke through `import`: `<runtime> smoke-esm.mjs <url> <session>` prints the result as JSON.
import * as sdk from '@scrub/sdk';
import { smoke } from './smoke.mjs';

const [url, session] = process.argv.slice(2);
console.log(JSON.stringify(await smoke(sdk, url, session)));
