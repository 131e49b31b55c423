#!/usr/bin/env node
// Size rules of hand-written code (git-tracked .ts/.js, generated code aside): no function outside
// tests longer than 80 lines (a test file's describe callbacks are lists, not logic), and at most 20
// lines anywhere longer than 120 characters (the formatter wraps everything else; what stays long is
// a string it cannot split). Prints the longest functions and
// every long line; exit 1 past either limit. `--root <dir>` checks another tree (the tests use it).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

export const MAX_FUNCTION_LINES = 80;
export const MAX_LINE = 120;
export const MAX_LONG_LINES = 20;

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const GENERATED = [/\/generated\//, /mockServiceWorker\.js$/, /\.d\.[cm]?ts$/];
const TEST = [/(^|\/)test\//, /\.test(-d)?\.[cm]?[jt]s$/];

/** The hand-written code files of the tree at `root` (git-tracked or new, generated code aside). */
export function codeFiles(root) {
  const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  return tracked.split('\n').filter((file) => SOURCE.test(file) && !GENERATED.some((re) => re.test(file)));
}

export const isTest = (file) => TEST.some((re) => re.test(file));

/** Every function of a file with its line count (nested functions count inside their parent too). */
export function functionsOf(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : nameFromParent(node);
      found.push({ file, line: start + 1, name, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function nameFromParent(node) {
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name))
    return parent.name.text;
  return '(anonymous)';
}

export function measure(root) {
  const functions = [];
  const longLines = [];
  for (const file of codeFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    if (!isTest(file)) functions.push(...functionsOf(file, text));
    text.split('\n').forEach((line, i) => {
      if (line.length > MAX_LINE) longLines.push({ file, line: i + 1, length: line.length });
    });
  }
  functions.sort((a, b) => b.lines - a.lines);
  return { functions, longLines };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { root: { type: 'string' }, top: { type: 'string', default: '5' } } });
  const root = values.root ?? fileURLToPath(new URL('../..', import.meta.url));
  const { functions, longLines } = measure(root);
  const tooLong = functions.filter((f) => f.lines > MAX_FUNCTION_LINES);
  for (const f of functions.slice(0, Number(values.top)))
    console.log(`${f.lines} lines: ${f.name} (${f.file}:${f.line})`);
  for (const f of tooLong)
    console.log(`function over ${MAX_FUNCTION_LINES} lines: ${f.name} (${f.file}:${f.line}, ${f.lines})`);
  for (const l of longLines) console.log(`line over ${MAX_LINE} characters: ${l.file}:${l.line} (${l.length})`);
  console.log(
    `size rules: longest function ${functions[0]?.lines ?? 0} lines (limit ${MAX_FUNCTION_LINES}), ` +
      `${longLines.length} lines over ${MAX_LINE} characters (limit ${MAX_LONG_LINES})`,
  );
  process.exit(tooLong.length > 0 || longLines.length > MAX_LONG_LINES ? 1 : 0);
}
