// The server README's code blocks run as written: `startMockServer()` from code, the recording
// commands (`openssl` key, record, a session, Ctrl-C, serve what was written), and the recorder from
// code. Only what a test must change is changed: the upstream (a mock here), the ports, the paths.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../src/start.js';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(HERE, 'dist/cli.js');
const run = promisify(execFile);
const README = readFileSync(join(HERE, 'README.md'), 'utf8');
const blocks = (lang: string) =>
  [...README.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);

let upstream: RunningMockServer;
let dir: string;
beforeAll(async () => {
  upstream = await startMockServer();
  dir = mkdtempSync(join(tmpdir(), 'scrub-server-readme-'));
});
afterAll(async () => {
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a snippet as an ES module of this package (so `@scrub/mock-server` is this build) and returns its output. */
async function runModule(name: string, code: string): Promise<string> {
  const file = join(HERE, `${name}.tmp.mjs`);
  writeFileSync(file, code);
  try {
    // asynchronously: the upstream the snippet calls answers from this process
    return (await run(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000 })).stdout;
  } finally {
    rmSync(file, { force: true });
  }
}

describe('the server README', () => {
  it('has the blocks these tests run', () => {
    expect(blocks('ts')).toHaveLength(2);
    expect(blocks('sh')).toHaveLength(2);
  });

  it('startMockServer from code: a fixture file, the URL, an armed answer, close', async () => {
    writeFileSync(join(dir, 'my-fixture.json'), JSON.stringify(upstream.state.toFixture()));
    const out = await runModule('readme-start', `${blocks('ts')[0]}\nconsole.log(mock.url, mock.state.arms.length);\n`);
    expect(out.trim()).toMatch(/^http:\/\/127\.0\.0\.1:\d+ 1$/);
  });

  it('the recorder from code: start, a client, stop, write; the fresh key reads what was recorded', async () => {
    const code = blocks('ts')[1]!.replace("'https://staging.example.com'", JSON.stringify(upstream.url)).replace(
      '// ... run the client against recorder.url ...',
      // the snippet's own code, in which `recorder` is defined
      "await fetch(recorder.url + '/v3/submission?submission_id=s1', { headers: { 'x-api-key': 'test-api-key' } });",
    );
    const out = await runModule('readme-record', `${code}\nconsole.log(JSON.stringify(recording.credentials));\n`);
    const credentials = JSON.parse(out.trim().split('\n').pop()!);
    const written = join(dir, 'fixtures/staging');
    expect(readdirSync(written).sort()).toEqual(['fixture.json', 'recording.har']);
    const mock = await startMockServer({ fixture: join(written, 'fixture.json') });
    try {
      const res = await fetch(`${mock.url}/v3/projection`, { headers: { 'x-api-key': credentials.idcheck[0].apiKey } });
      expect(res.status).toBe(200);
    } finally {
      await mock.close();
    }
    expect(readFileSync(join(written, 'recording.har'), 'utf8')).not.toContain('test-api-key');
  });

  it('the recording commands: a key from openssl, record, a session, Ctrl-C, then serve the fixture', async () => {
    const [setKey, record, comment, serve] = blocks('sh')[1]!.trim().split('\n');
    expect(comment).toMatch(/^# call http:\/\/localhost:4010 instead of staging .*then Ctrl-C$/);
    const key = execFileSync('bash', ['-c', `${setKey!.replace(/\s+# .*$/, '')}; printf %s "$SCRUB_REDACT_KEY"`], {
      encoding: 'utf8',
    });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const out = join(dir, 'sh');
    const local = (line: string) =>
      line
        .replace('npx @scrub/mock-server', `"${process.execPath}" "${CLI}"`)
        .replace('https://staging.example.com', upstream.url)
        .replace(/fixtures\/staging/g, out);
    const recorder = spawn('bash', ['-c', `exec ${local(record!)} --port 0`], {
      env: { ...process.env, SCRUB_REDACT_KEY: key },
    });
    let said = '';
    recorder.stdout.on('data', (d) => (said += d));
    const url = await new Promise<string>((resolve) =>
      recorder.stdout.on('data', () => {
        const found = /listening on (http:\/\/[^\s,]+)/.exec(said)?.[1];
        if (found) resolve(found);
      }),
    );
    await fetch(`${url}/v3/projection`, { headers: { 'x-api-key': 'test-api-key' } });
    const exited = new Promise<number | null>((resolve) => recorder.on('exit', resolve));
    recorder.kill('SIGINT'); // Ctrl-C
    expect(await exited, said).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['fixture.json', 'recording.har']);
    const server = spawn('bash', ['-c', `exec ${local(serve!)} --port 0`]);
    try {
      let served = '';
      const base = await new Promise<string>((resolve) =>
        server.stdout.on('data', (d) => {
          served += d;
          const found = /listening on (http:\/\/\S+)/.exec(served)?.[1];
          if (found) resolve(found);
        }),
      );
      const fixture = JSON.parse(readFileSync(join(out, 'fixture.json'), 'utf8'));
      const res = await fetch(`${base}/v3/projection`, {
        headers: { 'x-api-key': fixture.idcheck.projects[0].apiKeys[0] },
      });
      expect(res.status).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }
  });
});
