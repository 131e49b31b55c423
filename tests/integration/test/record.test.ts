// `scrub-mock record` as a team would use it: a session of the SDK and curl through the recorder in
// front of a staging full of (synthetic) personal data, then SIGTERM. Nothing personal and no staging
// credential may reach any byte it wrote or printed; relations between values survive; the mock
// serves the recorded fixture to the SDK; `scrub-contract traffic` accepts the recorded HAR, and turns
// the same traffic, recorded raw, into the same fixture.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMockServer, startRecorder } from '@scrub/mock-server';
import type { Fixture } from '@scrub/mocks';
import { createIdCheckClient, createTextAssessmentClient } from '@scrub/sdk';
import { type Exchange, toHar } from '@scrub/spec/recording';
import {
  STAGING_IDS as IDS,
  personalStagingFixture,
  personalValues,
  STAGING_CREDENTIALS as STG,
  SUBMITTED_TEXT,
} from '@scrub/test-support/personal-staging';
import { type Staging, startStaging } from '@scrub/test-support/staging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MOCK_CLI = join(ROOT, 'apps/mock-server/dist/cli.js');
const CONTRACT_CLI = join(ROOT, 'packages/contract/dist/cli.js');
const KEY = 'recording-test-key-0001';
const run = promisify(execFile);
const GUIDE = readFileSync(join(ROOT, 'docs/testing.md'), 'utf8');
/** The lines of the guide's shell block marked `<!-- name -->`. */
const block = (name: string) =>
  (new RegExp(`<!-- ${name} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(GUIDE)?.[1] ?? '').trim().split('\n');

/** A second text, by an author whose texts stay: it must be in the fixture, pseudonymised. */
const KEPT_TEXT = {
  id: 'text-xavier-essay-03',
  body: {
    text: 'Xavier met Ignatius Quarterman at the Larkspur library on Tuesday.',
    author_id: IDS.keptAuthor,
    task_id: 'task-essay',
  },
};

async function startPersonalStaging(): Promise<Staging> {
  return startStaging(await startMockServer({ fixture: personalStagingFixture, resultsNotReadyPolls: 1 }));
}

/** The session: every operation of both APIs, through the SDK (plain and sealed) and curl. */
async function session(url: string) {
  const idcheck = createIdCheckClient({ apiKey: STG.apiKey, baseUrl: url });
  await idcheck.submissions.get(IDS.submission);
  await idcheck.submissions.list({ email: IDS.sharedEmail });
  await idcheck.submissions.list({ userid: IDS.userid });
  const { projection_id } = await idcheck.projections.create({ name: 'hide_birth_rec', fields: ['date_of_birth'] });
  await idcheck.projections.get(projection_id);
  await idcheck.projections.list();
  await idcheck.submissions.partialDelete({
    submissionId: IDS.submission,
    fields: ['data', 'selfie_image'],
    dataFields: ['phoneNumber'],
  });
  const sealed = createIdCheckClient({ apiKey: STG.sealedApiKey, baseUrl: url, encryption: true });
  await sealed.submissions.get(IDS.sealed);
  const ta = createTextAssessmentClient({ accountId: STG.accountId, token: STG.token, baseUrl: url });
  await ta.texts.submit(SUBMITTED_TEXT.id, SUBMITTED_TEXT.body);
  await ta.texts.waitForResults(SUBMITTED_TEXT.id, { interval: 10 });
  await ta.texts.submit(KEPT_TEXT.id, KEPT_TEXT.body);
  await ta.texts.waitForResults(KEPT_TEXT.id, { interval: 10 });
  await ta.authors.delete(IDS.author);
  // curl, credentials from the environment as a shell script would pass them
  const curl = (path: string) =>
    run(
      'curl',
      ['-sS', '-H', 'x-api-key: $STG_KEY', `${url}${path}`].map((a) => a.replace('$STG_KEY', STG.apiKey)),
    );
  await curl(`/v3/submission?submission_id=${IDS.sibling}`);
  await curl('/v3/projection/zzzzzzzzzzzzz'); // a documented 404
}

/** Every original personal value of six or more characters, and every staging credential. */
const originals = () => [
  ...new Set([
    ...personalValues()
      .map((v) => v.value)
      .filter((v) => v.length >= 6),
    ...Object.values(KEPT_TEXT.body).filter((v) => v !== 'task-essay'),
    KEPT_TEXT.id,
    STG.apiKey,
    STG.sealedApiKey,
    STG.token,
    STG.accountId,
  ]),
];
const found = (text: string) => originals().filter((value) => text.includes(value));

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const url = /listening on (http:\/\/[^\s,]+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`the recorder exited (${code}) before it listened: ${out}`)));
  });
}

describe('scrub-mock record, through the CLI', () => {
  let staging: Staging;
  let dir: string;
  let output = '';
  let code: number | null;
  let fixture: Fixture;
  let har: { log: { entries: { request: { method: string; url: string; postData?: { text?: string } } }[] } };

  beforeAll(async () => {
    staging = await startPersonalStaging();
    dir = mkdtempSync(join(tmpdir(), 'scrub-record-'));
    const recorder = spawn(
      process.execPath,
      [MOCK_CLI, 'record', '--upstream', staging.url, '--out', dir, '--port', '0'],
      { env: { ...process.env, SCRUB_REDACT_KEY: KEY } },
    );
    recorder.stdout.on('data', (d) => (output += d));
    recorder.stderr.on('data', (d) => (output += d));
    const url = await waitForReady(recorder);
    await session(url);
    const exited = new Promise<number | null>((resolve) => recorder.on('exit', resolve));
    recorder.kill('SIGTERM');
    code = await exited;
    fixture = JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8'));
    har = JSON.parse(readFileSync(join(dir, 'recording.har'), 'utf8'));
  }, 120_000);
  afterAll(async () => {
    await staging?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 on SIGTERM after writing the HAR and the fixture, readable by the owner only', () => {
    expect(code, output).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['fixture.json', 'recording.har']);
    for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    expect(har.log.entries.length).toBeGreaterThanOrEqual(14);
  });

  it('no original personal value or staging credential is in any byte written or printed', () => {
    expect(originals().length).toBeGreaterThan(80);
    for (const file of readdirSync(dir)) expect(found(readFileSync(join(dir, file), 'utf8')), file).toEqual([]);
    expect(found(output), 'stdout and stderr').toEqual([]);
  });

  it('short personal values changed too: each nationality is another valid code', () => {
    // the fixture lists submissions in the order the session first saw them: as the staging lists them
    const after = fixture.idcheck.projects.flatMap((p) => p.submissions.map((s) => s.data?.nationality));
    const before = personalStagingFixture.idcheck.projects.flatMap((p) =>
      p.submissions.map((s) => s.data?.nationality),
    );
    expect(after).toHaveLength(before.length);
    after.forEach((code, i) => {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(code).not.toBe(before[i]);
    });
  });

  it('relations survive: one pseudonym per value, wherever it appears', () => {
    const [plain] = fixture.idcheck.projects;
    const byEmail = new Map<string, string[]>();
    for (const s of plain!.submissions) byEmail.set(s.email!, [...(byEmail.get(s.email!) ?? []), s.submission_id]);
    // the two submissions that shared an email still share one; the third has its own
    expect([...byEmail.values()].map((ids) => ids.length).sort()).toEqual([1, 2]);
    // the author id in the delete's path is the author id the submit sent in its body
    const entries = har.log.entries;
    const submit = entries.find((e) => e.request.method === 'PUT' && e.request.postData?.text?.includes('author_id'));
    const authorInBody = JSON.parse(submit!.request.postData!.text!).author_id;
    const del = entries.find((e) => e.request.method === 'DELETE' && e.request.url.includes('/author/'));
    expect(del!.request.url.endsWith(`/author/${authorInBody}`)).toBe(true);
    const [account] = fixture.textAssessment.accounts;
    expect(Object.keys(account!.authorDeletions ?? {})).toEqual([authorInBody]);
  });

  it('the fixture holds what the session did: the partial delete, the projection, the texts left', () => {
    const [plain, sealed] = fixture.idcheck.projects;
    const deleteEntry = har.log.entries.find((e) => e.request.url.includes('/v3/submission/partial'));
    const deletedId = new URL(deleteEntry!.request.url).searchParams.get('submission_id')!;
    const deleted = plain!.submissions.find((s) => s.submission_id === deletedId)!;
    expect(deleted.image).not.toHaveProperty('selfieImage');
    expect(deleted.image).toHaveProperty('idImage');
    expect(deleted.data).not.toHaveProperty('phoneNumber');
    expect(deleted.data).toHaveProperty('first_name');
    expect(plain!.submissions).toHaveLength(3);
    expect(plain!.projections.map((p) => [p.name, p.fields])).toEqual([['hide_birth_rec', ['date_of_birth']]]);
    expect(sealed!.encryption).toBe(true);
    expect(sealed!.submissions).toHaveLength(1);
    const [account] = fixture.textAssessment.accounts;
    expect(account!.texts.map((t) => t.task_id)).toEqual(['task-essay']);
    expect(account!.texts[0]!.text).toHaveLength(KEPT_TEXT.body.text.length);
  });

  it('prints the fixture’s own credentials, and the mock serves the fixture to the SDK with them', async () => {
    const [plain, sealed] = fixture.idcheck.projects;
    const [account] = fixture.textAssessment.accounts;
    for (const credential of [plain!.apiKeys[0]!, sealed!.apiKeys[0]!, account!.token])
      expect(output).toContain(credential);
    const mock = await startMockServer({ fixture: join(dir, 'fixture.json') });
    try {
      const idcheck = createIdCheckClient({ apiKey: plain!.apiKeys[0]!, baseUrl: mock.url });
      const first = plain!.submissions[0]!;
      expect(await idcheck.submissions.get(first.submission_id)).toEqual(first);
      expect((await idcheck.projections.list()).map((p) => p.name)).toEqual(['hide_birth_rec']);
      const sealedClient = createIdCheckClient({ apiKey: sealed!.apiKeys[0]!, baseUrl: mock.url, encryption: true });
      const sealedOne = sealed!.submissions[0]!;
      expect((await sealedClient.submissions.get(sealedOne.submission_id)).email).toBe(sealedOne.email);
      const ta = createTextAssessmentClient({ accountId: account!.id, token: account!.token, baseUrl: mock.url });
      expect((await ta.texts.results(account!.texts[0]!.id)).type).toBe('success');
    } finally {
      await mock.close();
    }
  });

  it('scrub-contract traffic accepts the recorded HAR: every call documented', async () => {
    const { stdout } = await run(process.execPath, [CONTRACT_CLI, 'traffic', join(dir, 'recording.har')]);
    expect(stdout).toMatch(/(\d+) API calls: \1 ok, 0 failed/);
  });
});

describe('scrub-contract traffic --fixture: the same conversion from any HAR', () => {
  it("the guide's line turns a raw HAR of the same traffic into the fixture the recorder gives, same key", async () => {
    const staging = await startPersonalStaging();
    const dir = mkdtempSync(join(tmpdir(), 'scrub-traffic-fixture-'));
    try {
      const recorder = await startRecorder({ upstream: staging.url, key: KEY });
      await session(recorder.url);
      // what a browser's DevTools would save: the traffic as it was, personal data and credentials in it
      const raw: readonly Exchange[] = [...recorder.exchanges()];
      const recording = await recorder.stop();
      const rawHar = join(dir, 'session.har');
      writeFileSync(rawHar, JSON.stringify(toHar(raw, { name: 'devtools', version: '1' })));
      expect(readFileSync(rawHar, 'utf8')).toContain(STG.apiKey); // the input really is raw
      // the guide's line, as written (the CLI of this workspace for `npx`)
      const [line, ...more] = block('recording-har');
      expect(more).toEqual([]);
      const command = line!.replace('npx scrub-contract', `"${process.execPath}" "${CONTRACT_CLI}"`);
      const { stdout } = await run('bash', ['-c', command], {
        cwd: dir,
        env: { ...process.env, SCRUB_REDACT_KEY: KEY },
      });
      const out = join(dir, 'fixture.json');
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(recording.fixture);
      expect(found(readFileSync(out, 'utf8'))).toEqual([]);
      // the traffic table names each record by its id and the account by its id, as every contract
      // report does (they say which record; an account id is not a secret there): nothing else
      const shownIds = [
        IDS.submission,
        IDS.sibling,
        IDS.twin,
        IDS.sealed,
        SUBMITTED_TEXT.id,
        KEPT_TEXT.id,
        STG.accountId,
      ];
      expect(found(shownIds.reduce((text, id) => text.replaceAll(id, '[id]'), stdout))).toEqual([]);
      expect(stdout).toContain('Fixture written to fixture.json');
    } finally {
      await staging.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the testing guide, "Fixtures from staging"', () => {
  it('the recording block runs as written: record, a session, stop, serve what was written', async () => {
    const lines = block('recording');
    expect(lines).toHaveLength(5);
    const staging = await startPersonalStaging();
    const dir = mkdtempSync(join(tmpdir(), 'scrub-guide-recording-'));
    const port = await freePort();
    const local = (line: string) =>
      line
        .replace(/npx scrub-mock/g, `"${process.execPath}" "${MOCK_CLI}"`)
        .replace('https://staging.example', staging.url)
        .replace(/4011/g, String(port));
    // the comment line is where the user's session happens: here, the test's, once a file says so
    const script = lines
      .slice(0, 4)
      .map((line) => (line.startsWith('# ') ? 'until [ -f go ]; do sleep 0.1; done' : local(line)))
      .join('\n');
    try {
      const shell = spawn('bash', ['-c', script], { cwd: dir });
      let out = '';
      shell.stdout.on('data', (d) => (out += d));
      shell.stderr.on('data', (d) => (out += d));
      const exited = new Promise<number | null>((resolve) => shell.on('exit', resolve));
      await until(() => out.includes('listening on'));
      await session(`http://localhost:${port}`);
      writeFileSync(join(dir, 'go'), '');
      expect(await exited, out).toBe(0);
      const written = join(dir, 'recordings/staging');
      expect(readdirSync(written).sort()).toEqual(['fixture.json', 'recording.har']);
      for (const file of readdirSync(written)) expect(found(readFileSync(join(written, file), 'utf8'))).toEqual([]);
      expect(found(out)).toEqual([]);
      // the last line serves the fixture (on a free port here), and its printed key reads it
      const fixture = JSON.parse(readFileSync(join(written, 'fixture.json'), 'utf8')) as Fixture;
      const apiKey = fixture.idcheck.projects[0]!.apiKeys[0]!;
      expect(out).toContain(apiKey);
      const server = spawn('bash', ['-c', local(lines[4]!)], { cwd: dir, env: { ...process.env, PORT: '0' } });
      try {
        let served = '';
        server.stdout.on('data', (d) => (served += d));
        await until(() => /listening on (http:\/\/[^\s,]+)/.test(served));
        const url = /listening on (http:\/\/[^\s,]+)/.exec(served)![1]!;
        const list = await fetch(`${url}/v3/projection`, { headers: { 'x-api-key': apiKey } });
        expect(list.status).toBe(200);
        expect(((await list.json()) as { items: { name: string }[] }).items.map((p) => p.name)).toEqual([
          'hide_birth_rec',
        ]);
      } finally {
        server.kill('SIGTERM');
      }
    } finally {
      await staging.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** Resolves once `ready()` holds (checked every 50 ms); rejects after 30 s. */
async function until(ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
