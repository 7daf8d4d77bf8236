import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "./import-rules.ts";
import { TEST_ONLY_EXPORTS, unusedExports } from "./unused-exports.ts";

const ROOT = join(import.meta.dirname, "../..");

describe("exports of the pure and byte folders", () => {
  const unused = unusedExports(sourceFiles(ROOT));

  it("are each used by another file of src/, or kept for a test on purpose", () => {
    expect(unused.filter((u) => !(u in TEST_ONLY_EXPORTS))).toEqual([]);
  });

  it("the list kept for tests names only exports nothing in src/ uses", () => {
    expect(
      Object.keys(TEST_ONLY_EXPORTS).filter((k) => !unused.includes(k as `${string}:${string}`)),
    ).toEqual([]);
  });

  it("a planted export nobody imports is caught; a type used in an exported signature is not", () => {
    const files = [
      {
        path: "src/scoring/planted.ts",
        text: [
          "export interface Options { strict: boolean }",
          "export type Hidden = number;",
          "export function used(o: Options): number { return helper(o) }",
          "export function helper(_o: Options): number { return 1 }",
          "export const LIMIT = 3;",
        ].join("\n"),
      },
      {
        path: "src/services/caller.ts",
        text: 'import { used } from "../scoring/planted.ts";\nused({ strict: true });',
      },
      { path: "src/adapters/unchecked.ts", text: "export function alone(): void {}" },
    ];
    expect(unusedExports(files)).toEqual([
      "src/scoring/planted.ts:Hidden",
      "src/scoring/planted.ts:helper",
      "src/scoring/planted.ts:LIMIT",
    ]);
  });
});
