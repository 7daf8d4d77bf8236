import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckedReport } from "../../../src/adapters/cli/check-command.ts";
import { run } from "./cli-harness.ts";

const dir = mkdtempSync(join(tmpdir(), "ziping-real-check-"));
const noDb = join(dir, "none.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Real reports kept verbatim with a first line `source: <address>` that is not part of the report. */
function realReports(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

/** The report as a reviewer would receive it: the text without the fixture's source line. */
function asReceived(folder: string, name: string): string {
  const text = readFileSync(join(folder, name), "utf8");
  const path = join(dir, name);
  writeFileSync(path, text.startsWith("source:") ? text.slice(text.indexOf("\n") + 1) : text);
  return path;
}

for (const folder of ["fixtures/real", "../shared/real-reports"]) {
  const files = realReports(folder);
  // ../shared sits beside the checkout in CI and on developers' machines; a bare clone has none.
  describe.skipIf(files.length === 0)(
    `every real report in ${folder} is read and checked, never refused`,
    () => {
      it.each(files.length === 0 ? ["-"] : files)(
        "%s: exit 0, findings given, no raw field path",
        async (file) => {
          const r = await run("check", asReceived(folder, file), "--json", "--db", noDb);
          expect(r.err).toBe("");
          expect(r.code).toBe(0);
          const checked = JSON.parse(r.out) as CheckedReport[];
          expect(checked.length).toBeGreaterThan(0);
          for (const report of checked) {
            expect(report.findings.length).toBeGreaterThan(0);
            for (const f of report.findings)
              expect(f.message).not.toMatch(/字段 |无效选项|undefined|期望 string/);
          }
        },
      );
    },
  );
}

it("the folders hold what they say: 34 fixtures of our own", () => {
  expect(realReports("fixtures/real")).toHaveLength(34);
});
