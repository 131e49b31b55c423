import { describe, expect, it } from 'vitest';
import { FLOWS_HELP, parseFlowsCommand, UsageError } from '../../src/flows/command.js';

describe('parseFlowsCommand', () => {
  it('reads the target, workflows, flags, credentials and outputs', () => {
    expect(
      parseFlowsCommand([
        '--target',
        'https://api.test',
        '--workflow',
        'a,b',
        '--workflow',
        ' c ',
        '--destructive',
        '--flows',
        'dir',
        '--setup',
        'setup.mjs',
        '--api-key',
        ' key \n',
        '--account',
        'acc',
        '--report',
        'r.json',
        '--junit',
        'r.xml',
        '-q',
      ]),
    ).toEqual({
      help: false,
      target: 'https://api.test',
      workflow: ['a', 'b', 'c'],
      dir: 'dir',
      setup: 'setup.mjs',
      destructive: true,
      credentials: { apiKey: 'key', accountId: 'acc' },
      outputs: { report: 'r.json', junit: 'r.xml' },
      quiet: true,
    });
  });

  it('needs no target for --help', () => {
    expect(parseFlowsCommand(['--help'])).toMatchObject({ help: true, target: '' });
    expect(FLOWS_HELP).toContain('Usage: scrub-contract flows --target <url> [--workflow <id>]...');
    expect(FLOWS_HELP).toContain('SCRUB_CONTRACT_API_KEY');
  });

  it.each([
    [[], '--target is required'],
    [['--target', 'http://a', '--target', 'http://b'], 'flows takes one --target'],
    [['--target', 'ftp://a'], '--target is not an http(s) URL: "ftp://a"'],
    [['--target', 'http://a', '--admin', 'nope'], '--admin is not an http(s) URL: "nope"'],
    [['--target', 'http://a', '--fuzz-runs', '3'], "Unknown option '--fuzz-runs'"],
    [['--target', 'http://a', 'extra'], "Unexpected argument 'extra'"],
  ])('refuses bad usage: %j', (args, message) => {
    expect(() => parseFlowsCommand(args)).toThrow(UsageError);
    expect(() => parseFlowsCommand(args)).toThrow(message);
  });
});
