// JSON for machines: a report as the file `--report` writes.

/** A report as indented JSON text with a final newline. */
export const jsonReport = (report: unknown): string => `${JSON.stringify(report, null, 2)}\n`;
