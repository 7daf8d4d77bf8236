import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The nearest folder at or above `start` that holds a package.json: ziping's own folder, whether
 * this code runs from source (src/services/) or from the bundle (dist/), so the data folders
 * (prompts/, templates/, src/scoring/schemes/, fixtures/seeds/) resolve the same in both.
 */
export function findProjectRoot(start: string, exists: (path: string) => boolean = existsSync): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (exists(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json at or above ${start}`);
  }
}

/** ziping's folder (the one with package.json, prompts/ and templates/). */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
