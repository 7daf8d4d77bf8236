import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ImportedFile } from "../../src/services/import-file.ts";
import { imported } from "./imported-files.ts";

/**
 * Same report, same reading: each seed report saved as .docx by LibreOffice (fixtures/converted/,
 * made by scripts/convert-seeds-docx.sh) imports to the report model its .txt gives. LibreOffice
 * keeps the text's tab-separated tables as paragraphs with tabs, which are read as the text's rows.
 */

const root = join(import.meta.dirname, "../..");
const seeds = readdirSync(join(root, "fixtures/seeds")).filter((f) => /^\d{3}_.*\.txt$/.test(f));

/** Everything a file's reports were read into, the file's own name (`source`) left out. */
function models(file: ImportedFile): unknown[] {
  return file.reports.map(({ label, fragment, unread, report }) => ({
    label,
    fragment: { ...fragment, source: undefined },
    unread,
    report: report.ok ? { ...report.value, source: undefined } : report,
  }));
}

function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("a seed saved as .docx by LibreOffice reads as its .txt", () => {
  it("covers the four seeds", () => {
    expect(seeds).toEqual([
      "000_0839647822e00506.txt",
      "001_ed109474d837ba6d.txt",
      "002_65c9de34f8230d6c.txt",
      "003_3bc036a0d1488051.txt",
    ]);
  });

  for (const seed of seeds) {
    it(`${seed}: the committed .docx gives the same reports, read notes and unread rows`, async () => {
      const text = await imported(join(root, "fixtures/seeds", seed));
      const docx = await imported(join(root, "fixtures/converted", seed.replace(/\.txt$/, ".docx")));
      expect(docx.format).toBe("docx");
      expect(models(docx)).toEqual(models(text));
      expect(docx.reports.every((r) => r.report.ok)).toBe(true);
    });
  }

  it("seed 000 as .docx keeps the unit, the reported total 96 and the 自评表's figures", async () => {
    const docx = await imported(join(root, "fixtures/converted/000_0839647822e00506.docx"));
    const report = docx.reports[0]?.report;
    if (report === undefined || !report.ok) throw new Error("seed 000 not read");
    expect(report.value.unit.name).toBe("郑州市金水区电子政务中心");
    expect(report.value.year).toBe(2021);
    expect(report.value.budget?.initial?.wan).toBe(561.41);
    expect(report.value.tasks).toHaveLength(8);
    expect(report.value.summary.total).toBe(96);
  });

  const dir = mkdtempSync(join(tmpdir(), "ziping-seed-docx-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasSoffice())("a fresh LibreOffice conversion of seed 001 reads as its .txt too", async () => {
    const seed = "001_ed109474d837ba6d.txt";
    copyFileSync(join(root, "fixtures/seeds", seed), join(dir, seed));
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--infilter=Text (encoded):UTF8,LF,,",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        dir,
        join(dir, seed),
      ],
      { stdio: "ignore" },
    );
    const text = await imported(join(dir, seed));
    const docx = await imported(join(dir, seed.replace(/\.txt$/, ".docx")));
    expect(models(docx)).toEqual(models(text));
  });
});
