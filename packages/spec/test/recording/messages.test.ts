import { describe, expect, it } from 'vitest';
import { isDocumentedMessage } from '../../src/recording/messages.js';

describe('documented messages', () => {
  it.each([
    'not Exist Submission Data',
    'invalid fields found in fields: nope',
    'Forbidden',
    'Create projection success',
    'success',
    'id already used',
    'text too long',
    'invalid authentication credentials',
    'Not Found',
  ])('%s is one of the spec', (message) => {
    expect(isDocumentedMessage(message)).toBe(true);
  });

  it.each(['submission sub-1 of Jane Doe not found', 'Internal error at db01', ''])('%j is not', (message) => {
    expect(isDocumentedMessage(message)).toBe(false);
  });
});
