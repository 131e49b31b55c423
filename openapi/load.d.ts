export type Area = 'idcheck' | 'text-assessment';
export function specPath(area: Area): string;
export function loadSpec(area: Area): any;
export function deref(spec: any, value: any): any;
export function operations(spec: any): Array<{ operationId: string; method: string; path: string; operation: any }>;
export function templateMatches(template: string, message: string): boolean;
