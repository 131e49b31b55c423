// Types of generate.mjs, for the drift test.
export declare const AREAS: readonly ['idcheck', 'text-assessment'];
export declare function outputPaths(area: (typeof AREAS)[number]): URL[];
export declare function generate(area: (typeof AREAS)[number]): Promise<string[]>;
