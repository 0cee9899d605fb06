export function sourceFiles(folder: string): string[];
export function readSource(path: string): string;
export function relativeImports(path: string): string[];
export function subfolders(folder: string): Record<string, string[]>;
export function filesIn(folder: string): string[];
export function exists(path: string): boolean;
