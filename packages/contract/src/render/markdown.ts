// Markdown for people: table cells that cannot break a row, and rows and tables built from them.

/** A table cell: a `|` escaped, a line break a space (either would break the row). */
export const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A table row of escaped cells. */
export const row = (cells: readonly (string | number)[]): string =>
  `| ${cells.map((c) => cell(String(c))).join(' | ')} |`;

/** A table whose columns are padded to their widest cell (readable as plain text too). */
export function paddedTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
