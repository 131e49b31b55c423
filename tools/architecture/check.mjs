#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
// Runs dependency-cruiser with the workspace rules over every package and app (from the repository
// root, where the rules' paths start). Exit 1 and one line per violation when an import points the
// wrong way; `--root <dir>` checks another tree (the rule tests use it).
import { cruise } from 'dependency-cruiser';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = values.root ?? fileURLToPath(new URL('../..', import.meta.url));
const config = createRequire(import.meta.url)('./.dependency-cruiser.cjs');
const scanned = ['openapi', 'packages', 'apps/mock-server/src', 'apps/playground/src'].filter((dir) =>
  existsSync(`${root}/${dir}`),
);

process.chdir(root);
const { output } = await cruise(scanned, {
  ...config.options,
  validate: true,
  ruleSet: { forbidden: config.forbidden },
  outputType: 'json',
});
const result = typeof output === 'string' ? JSON.parse(output) : output;
const cycleOf = (v) => v.cycle.map((c) => c.name ?? c).join(' -> ');
const violations = result.summary.violations.filter((v) => v.rule.severity === 'error');
for (const v of violations)
  console.log(`${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (cycle: ${cycleOf(v)})` : ''}`);
const { totalCruised, totalDependenciesCruised } = result.summary;
console.log(
  `dependency rules: ${totalCruised} modules, ${totalDependenciesCruised} imports, ${violations.length} violations`,
);
process.exit(violations.length ? 1 : 0);
