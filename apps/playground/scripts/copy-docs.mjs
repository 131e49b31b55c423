// Puts the API reference pages (built by apps/mock-server from openapi/) into the console build.
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../../mock-server/dist/docs', import.meta.url));
const to = fileURLToPath(new URL('../dist/docs', import.meta.url));
if (!existsSync(from)) throw new Error(`no API reference at ${from}: build @scrub/mock-server first`);
cpSync(from, to, { recursive: true });
console.log('copied API reference into dist/docs');
