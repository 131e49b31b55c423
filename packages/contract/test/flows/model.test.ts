import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, SOURCES, writes } from '../../src/flows/model.js';
import { CREDS } from '../support/fake.js';

describe('the shared format', () => {
  it('allows as inputs the credentials a flow may use, plus runId', () => {
    const fromCredentials = Object.keys(CREDS).filter((k) => k !== 'orphanApiKey');
    expect([...INPUT_NAMES].sort()).toEqual([...fromCredentials, 'runId'].sort());
  });

  it('names the two specs as sources', () => {
    expect(SOURCES).toEqual(['idcheck', 'text-assessment']);
  });
});

describe('writes', () => {
  it('is true when any step is not a read', () => {
    expect(writes([{ method: 'GET' }, { method: 'DELETE' }])).toBe(true);
    expect(writes([{ method: 'PUT' }])).toBe(true);
    expect(writes([{ method: 'POST' }])).toBe(true);
  });

  it('is false for reads only', () => {
    expect(writes([{ method: 'GET' }, { method: 'GET' }])).toBe(false);
  });
});
