export type Area = 'idcheck' | 'text-assessment';
/** A spec as parsed YAML: plain data, local `$ref`s left in place. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}
export function specPath(area: Area): string;
export function loadSpec(area: Area): OpenApiDocument;
