export type Area = 'idcheck' | 'text-assessment';
export function specPath(area: Area): string;
export function loadSpec(area: Area): any;
