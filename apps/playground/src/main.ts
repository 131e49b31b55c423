// The privacy console: every call goes through @scrub/sdk; the backend is either the MSW worker in
// this tab (default) or a running `pnpm mock` server.

import { createMockWorker } from '@scrub/mocks/browser';
import {
  createIdCheckClient,
  createTextAssessmentClient,
  type IdCheckClient,
  isAPIError,
  type Submission,
} from '@scrub/sdk';
import { dataFieldValues, projectionFieldValues, submissionFieldValues } from '@scrub/spec/idcheck';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const errorBox = $('error');

const mock = createMockWorker();
let baseUrl: string | undefined; // undefined: the SDK's production URLs, intercepted by the worker
let idcheck: IdCheckClient;
const loaded = new Map<string, Submission>();

/** Runs a UI action; a documented API error shows its status and exact message. */
async function act(action: () => Promise<void>): Promise<void> {
  errorBox.textContent = '';
  try {
    await action();
  } catch (error) {
    errorBox.textContent = isAPIError(error)
      ? `${error.status}: ${error.code}`
      : error instanceof Error
        ? error.message
        : String(error);
  }
}

function checkboxes(container: HTMLElement, name: string, values: readonly string[]): void {
  for (const value of values) {
    const label = document.createElement('label');
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', name, value });
    label.append(input, ` ${value}`);
    container.append(label);
  }
}
const checked = (name: string) =>
  [...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
const show = (el: HTMLElement, value: unknown) => (el.textContent = JSON.stringify(value, null, 2));

async function connect(): Promise<void> {
  const mode = (document.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value ?? 'msw') as
    | 'msw'
    | 'server';
  if (mode === 'msw') {
    await mock.worker.start({
      serviceWorker: { url: './mockServiceWorker.js' },
      onUnhandledRequest: 'bypass',
      quiet: true,
    });
    baseUrl = undefined;
  } else {
    mock.worker.stop();
    baseUrl = $<HTMLInputElement>('server-url').value.replace(/\/$/, '');
  }
  idcheck = createIdCheckClient({
    apiKey: $<HTMLInputElement>('api-key').value,
    ...(baseUrl ? { baseUrl } : {}),
    maxRetries: 0,
  });
  status.textContent = mode === 'msw' ? 'Ready: in-browser mock (MSW)' : `Ready: mock server at ${baseUrl}`;
  await loadSubmissions();
  await listProjections();
}

async function loadSubmissions(): Promise<void> {
  const ids = $<HTMLInputElement>('submission-ids')
    .value.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  loaded.clear();
  const list = $('submission-list');
  const select = $<HTMLSelectElement>('pd-submission');
  list.replaceChildren();
  select.replaceChildren();
  for (const id of ids) {
    const submission = await idcheck.submissions.get(id);
    loaded.set(id, submission);
    const item = document.createElement('li');
    const dataKeys = Object.keys(submission.data ?? {}).length;
    item.textContent = `${id}: ${submission.email ?? '(no email)'}, data keys: ${dataKeys}`;
    list.append(item);
    select.append(new Option(id, id));
  }
  if (ids[0]) show($('before'), loaded.get(ids[0]));
}

async function listProjections(): Promise<void> {
  const rows = $('projection-rows');
  rows.replaceChildren();
  for (const p of await idcheck.projections.list()) {
    const row = document.createElement('tr');
    for (const text of [p.name, p.projection_id, p.fields.join(', '), p.created_at])
      row.insertCell().textContent = text;
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Delete' });
    remove.setAttribute('aria-label', `Delete projection ${p.name}`);
    remove.addEventListener('click', () =>
      act(async () => {
        await idcheck.projections.delete(p.projection_id);
        await listProjections();
      }),
    );
    row.insertCell().append(remove);
    rows.append(row);
  }
}

checkboxes($('fields'), 'fields', submissionFieldValues);
checkboxes($('data-fields'), 'data_fields', dataFieldValues);
checkboxes($('projection-fields'), 'projection_fields', projectionFieldValues);

/** A form's submit runs `action` instead of navigating. */
const onSubmit = (id: string, action: () => Promise<void>) =>
  $(id).addEventListener('submit', (e) => {
    e.preventDefault();
    void act(action);
  });
onSubmit('backend', connect);
onSubmit('load-submissions', loadSubmissions);
$<HTMLSelectElement>('pd-submission').addEventListener('change', (e) =>
  show($('before'), loaded.get((e.target as HTMLSelectElement).value)),
);

$('partial-delete').addEventListener('submit', (e) => {
  e.preventDefault();
  void act(async () => {
    const submissionId = $<HTMLSelectElement>('pd-submission').value;
    const before = await idcheck.submissions.get(submissionId);
    show($('before'), before);
    const dataFields = checked('data_fields');
    await idcheck.submissions.partialDelete({
      submissionId,
      fields: checked('fields') as never,
      ...(dataFields.length ? { dataFields: dataFields as never } : {}),
      adminName: $<HTMLInputElement>('admin-name').value || undefined,
    });
    const after = await idcheck.submissions.get(submissionId);
    loaded.set(submissionId, after);
    show($('after'), after);
    status.textContent = `Partial delete of ${submissionId} done`;
  });
});

$('create-projection').addEventListener('submit', (e) => {
  e.preventDefault();
  void act(async () => {
    const fields = checked('projection_fields');
    const { projection_id } = await idcheck.projections.create({
      name: $<HTMLInputElement>('projection-name').value,
      fields: (fields.length ? fields : ['first_name']) as never,
    });
    status.textContent = `Created projection ${projection_id}`;
    await listProjections();
  });
});

$('delete-author').addEventListener('submit', (e) => {
  e.preventDefault();
  void act(async () => {
    const client = createTextAssessmentClient({
      accountId: $<HTMLInputElement>('account-id').value,
      token: $<HTMLInputElement>('token').value,
      ...(baseUrl ? { baseUrl } : {}),
      maxRetries: 0,
    });
    const result = await client.authors.delete($<HTMLInputElement>('author-id').value);
    $('author-result').textContent = `${result.submissions_deleted} submission(s) deleted at ${result.timestamp}`;
  });
});

void act(connect);
