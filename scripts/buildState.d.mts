// Types of buildState.mjs for the TypeScript that uses it (the staleness test, the start-up bench).
export declare const root: string;
export declare const srcDir: string;
export declare const distDir: string;
export declare const stateFile: string;
export declare function isBuiltSource(name: string): boolean;
export declare function isCompiled(name: string): boolean;
export declare function sourceFiles(): { files: string[]; newestMs: number };
export declare function sourceHash(files?: string[]): string;
export declare function readState(): { sourceHash: string; sourceFiles: number; newestSourceMs: number } | undefined;
export declare function buildStatus(): 'current' | 'missing' | 'stale';
export declare function buildLooksCurrent(): boolean;
