// Renders the API reference of both specs as static HTML (Redoc, via @redocly/cli) into dist/docs,
// where the mock server serves it at /docs and the playground copies it from.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../dist/docs/', import.meta.url));
const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));
mkdirSync(out, { recursive: true });
const areas = {
  idcheck: 'ARGOS ID check v3: partial delete, submissions, projections',
  'text-assessment': 'ELiT text assessment: texts, results, author deletion',
};
for (const area of Object.keys(areas)) {
  const spec = fileURLToPath(new URL(`../../../openapi/${area}.yaml`, import.meta.url));
  execFileSync(
    redocly,
    ['build-docs', spec, '--output', `${out}${area}.html`, '--inlineBundle', '--title', areas[area]],
    { stdio: 'pipe' },
  );
}
const links = Object.entries(areas)
  .map(([area, title]) => `<li><a href="./${area}.html">${title}</a></li>`)
  .join('\n      ');
writeFileSync(
  `${out}index.html`,
  `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Scrub API reference</title></head>
  <body>
    <h1>Scrub API reference</h1>
    <p>Rendered from the OpenAPI documents in <code>openapi/</code>.</p>
    <ul>
      ${links}
    </ul>
  </body>
</html>
`,
);
console.log(`API reference written to ${out}`);
