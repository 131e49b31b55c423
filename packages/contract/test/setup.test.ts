import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIds, credentialsFromEnv, defineSetup, idsToCredentials, loadSetup, SetupError } from '../src/setup.js';

const dir = mkdtempSync(join(tmpdir(), 'scrub-setup-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

describe('setup', () => {
  it('loads a set-up module or a JSON file relative to a directory', async () => {
    write('s.mjs', "export default { idcheck: { submissionId: 's1' }, after() {} };");
    const setup = await loadSetup('s.mjs', dir);
    expect(setup.idcheck).toEqual({ submissionId: 's1' });
    expect(typeof setup.after).toBe('function');
    write('s.json', '{ "textAssessment": { "accountId": "a1", "version": "v2.3.0" } }');
    expect(await loadSetup(join(dir, 's.json'))).toEqual({ textAssessment: { accountId: 'a1', version: 'v2.3.0' } });
  });

  it('refuses credentials in a file, unknown keys, wrong types, and what cannot be loaded', async () => {
    // a new file each time: a module is imported once per path
    let n = 0;
    const refused = async (text: string) =>
      loadSetup(write(`bad${++n}.json`, text), dir).then(
        () => new Error('loaded'),
        (e: Error) => e,
      );
    expect(await refused('{"idcheck":{"apiKey":"k"}}')).toEqual(
      new SetupError(
        'bad1.json: "idcheck.apiKey" looks like a credential; credentials come from the environment ' +
          '(SCRUB_CONTRACT_API_KEY, SCRUB_CONTRACT_LIMIT_API_KEY, SCRUB_CONTRACT_ORPHAN_API_KEY, ' +
          'SCRUB_CONTRACT_SEALED_API_KEY, SCRUB_CONTRACT_TOKEN), never from a file',
      ),
    );
    expect((await refused('{"idchek":{},"x":1}')).message).toBe(
      'bad2.json: unknown keys "idchek", "x" (expected idcheck, textAssessment, before, after)',
    );
    expect((await refused('{"idcheck":{"submissionId":3}}')).message).toBe(
      'bad3.json: "idcheck.submissionId" must be a non-empty string',
    );
    expect((await refused('{"idcheck":{"userId":"u"}}')).message).toBe(
      'bad4.json: unknown key "idcheck.userId" (expected submissionId, deletableSubmissionId, projectedSubmissionId)',
    );
    expect((await refused('[')).message).toMatch(/^cannot load the set-up bad5.json: /);
  });

  it('checks ids a hook returned, nothing being fine', () => {
    expect(checkIds(undefined, 'hook')).toEqual({});
    expect(() => checkIds({ before: 1 }, 'hook')).toThrow('hook: "before" must be a function');
    expect(defineSetup({ idcheck: {} })).toEqual({ idcheck: {} });
  });

  it('reads credentials from the environment, trimmed, empty ones absent', () => {
    expect(
      credentialsFromEnv({
        SCRUB_CONTRACT_API_KEY: ' k \n',
        SCRUB_CONTRACT_TOKEN: '  ',
        SCRUB_CONTRACT_SEALED_API_KEY: 's',
      }),
    ).toEqual({ apiKey: 'k', sealedApiKey: 's' });
  });

  it('turns set-up ids into credentials fields', () => {
    expect(
      idsToCredentials({ idcheck: { deletableSubmissionId: 'd' }, textAssessment: { accountId: 'a', version: 'v3' } }),
    ).toEqual({ deletableSubmissionId: 'd', accountId: 'a', version: 'v3' });
  });
});
