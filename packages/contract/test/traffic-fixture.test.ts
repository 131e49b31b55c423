// Unit tests of `traffic --fixture` on HAR files written here: the fixture it writes, what it prints,
// and that neither holds the HAR's personal values or credentials (the CLI runs it in
// tests/integration/test/record.test.ts against a recorded session).
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trafficFixtureSummary, writeTrafficFixture } from '../src/traffic-fixture.js';

const API_KEY = 'staging-key-Zq81LmX0';
const PERSON = { email: 'harriet.quimby@mail.example', first_name: 'Harriet', last_name: 'Quimby-Lowell' };

const read = {
  request: {
    method: 'GET',
    url: 'https://staging.example/v3/submission?submission_id=sub-harriet-01',
    headers: [{ name: 'x-api-key', value: API_KEY }],
  },
  response: {
    status: 200,
    headers: [{ name: 'content-type', value: 'application/json' }],
    content: {
      mimeType: 'application/json',
      text: JSON.stringify({
        Items: [
          {
            submission_id: 'sub-harriet-01',
            email: PERSON.email,
            data: { first_name: PERSON.first_name, last_name: PERSON.last_name },
          },
        ],
      }),
    },
  },
};

function harFile(entries: unknown[]): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-traffic-fixture-'));
  const file = join(dir, 'session.har');
  writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } }));
  return { dir, file };
}

describe('writeTrafficFixture', () => {
  it('writes a fixture of what the HAR read, pseudonymised, readable by the owner only', () => {
    const { dir, file } = harFile([read]);
    const out = join(dir, 'fixture.json');
    const result = writeTrafficFixture(file, out, { key: 'unit-test-key-01' });
    const text = readFileSync(out, 'utf8');
    for (const original of [API_KEY, PERSON.email, PERSON.first_name, PERSON.last_name, 'sub-harriet-01'])
      expect(text).not.toContain(original);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const fixture = JSON.parse(text);
    const [project] = fixture.idcheck.projects;
    expect(project.submissions).toHaveLength(1);
    expect(project.submissions[0].email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(project.submissions[0].data.last_name).toHaveLength(PERSON.last_name.length);
    expect(result.credentials.idcheck).toEqual([
      { projectId: project.id, apiKey: project.apiKeys[0], encryption: false },
    ]);
    expect(result.file).toBe(out);
  });

  it('gives the same fixture for the same key, another for another key', () => {
    const { dir, file } = harFile([read]);
    const write = (key: string, name: string) => {
      writeTrafficFixture(file, join(dir, name), { key });
      return readFileSync(join(dir, name), 'utf8');
    };
    expect(write('unit-test-key-01', 'a.json')).toBe(write('unit-test-key-01', 'b.json'));
    expect(write('unit-test-key-02', 'c.json')).not.toBe(write('unit-test-key-01', 'd.json'));
  });

  it('refuses a file that is not a HAR without quoting it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrub-traffic-fixture-'));
    const file = join(dir, 'notes.har');
    writeFileSync(file, `my notes about ${PERSON.email}`);
    let message = '';
    try {
      writeTrafficFixture(file, join(dir, 'fixture.json'));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(`${file} is not a HAR file (not JSON)`);
  });
});

describe('trafficFixtureSummary', () => {
  it('names the file, how to serve it, each credential of the fixture and each note', () => {
    const summary = trafficFixtureSummary({
      file: 'out/fixture.json',
      credentials: {
        idcheck: [
          { projectId: 'recorded-1', apiKey: 'rec-key-1', encryption: false },
          { projectId: 'recorded-2', apiKey: 'rec-key-2', encryption: true },
        ],
        textAssessment: [{ accountId: 'rec-account-1', token: 'rec-token-1' }],
      },
      notes: ['#3 GET /v3/submission: the answer is not JSON'],
    });
    expect(summary.split('\n')).toEqual([
      'Fixture written to out/fixture.json (serve it: scrub-mock --fixture out/fixture.json)',
      '  ID-check project recorded-1: x-api-key rec-key-1',
      '  ID-check project recorded-2: x-api-key rec-key-2 (encryption on)',
      '  text-assessment account rec-account-1: authorization "Token token=rec-token-1"',
      '  note: #3 GET /v3/submission: the answer is not JSON',
    ]);
  });
});
