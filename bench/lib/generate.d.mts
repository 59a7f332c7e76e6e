/** Types for generate.mjs (used by the TypeScript tests). */
export function generateUnit(lines: number, seed?: number): string;
export function editPosition(text: string): { line: number; character: number };
