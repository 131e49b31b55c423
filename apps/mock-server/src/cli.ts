#!/usr/bin/env node
// `scrub-mock`: the mock server (`scrub-mock [options]`, src/serve/) or the recording proxy
// (`scrub-mock record ...`, src/record/, loaded only when asked for). Each command parses its own flags.
import { serve } from './serve/command.js';

// `pnpm <script> -- --flag` hands the `--` through; it is not a separator here
const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
if (args[0] === 'record') await (await import('./record/command.js')).record(args.slice(1));
else await serve(args);
