import { describe, expect, it } from 'vitest';
import { cell, paddedTable, row } from '../../src/render/markdown.js';

describe('markdown', () => {
  it('cell escapes a pipe and turns a line break into a space', () => {
    expect(cell('a|b\nc')).toBe('a\\|b c');
    expect(cell('plain')).toBe('plain');
  });

  it('row escapes every cell and prints numbers as they are', () => {
    expect(row(['GET /x|y', 'getX', 200, 'ok; two\nlines'])).toBe('| GET /x\\|y | getX | 200 | ok; two lines |');
  });

  it('paddedTable pads each column to its widest cell, header included', () => {
    expect(
      paddedTable(
        ['op', 'state'],
        [
          ['listProjections', 'hit'],
          ['x', 'MISSED'],
        ],
      ),
    ).toEqual([
      '| op              | state  |',
      '| --------------- | ------ |',
      '| listProjections | hit    |',
      '| x               | MISSED |',
    ]);
  });
});
