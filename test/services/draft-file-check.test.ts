import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../src/rendering/render-docx.ts";
import { buildDraftFiles, type DraftWriters, writeDraftFiles } from "../../src/services/draft-files.ts";
import { type DraftedReport, draftDocx, draftReport } from "../../src/services/draft-report.ts";
import { loadReport } from "../../src/services/report-files.ts";
import { loadTemplateFamilies } from "../../src/services/template-files.ts";
import { schemeOfReport } from "./scheme-of-report.ts";

/** Issue 16 item 1: a delivered file is read back and must hold every heading before success is reported. */

const now = new Date("2026-12-03T00:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "ziping-file-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seed000(): Promise<DraftedReport> {
  const report = loadReport(join(import.meta.dirname, "../../fixtures/reports/seed-000.json"));
  const families = loadTemplateFamilies();
  if (!report.ok || !families.ok) throw new Error("fixtures missing");
  const scheme = schemeOfReport(report.value);
  if (!scheme.ok) throw new Error(scheme.error.message);
  const drafted = await draftReport(report.value, scheme.value, { families: families.value, now: () => now });
  if (!drafted.ok) throw new Error(drafted.error.message);
  return drafted.value;
}

const markdown = (d: DraftedReport) => Buffer.from(d.markdown, "utf8");
const drafted = await seed000();

/** Builds and checks every file, then writes them: nothing is written when one fails. */
async function buildAndWrite(paths: readonly string[], writers?: DraftWriters) {
  const files = await buildDraftFiles(drafted, paths, now, writers);
  return files.ok ? writeDraftFiles(files.value) : files;
}

describe("buildDraftFiles checks each file before any is written", () => {
  it("writes both files when every heading is there", async () => {
    const paths = [join(dir, "ok.md"), join(dir, "ok.docx")];
    expect(await buildAndWrite(paths)).toEqual({ ok: true, value: paths });
    expect(readFileSync(paths[0] ?? "", "utf8")).toBe(drafted.markdown);
  }, 30_000);

  it("refuses a Word writer that drops a section, naming the file and the heading, and writes nothing", async () => {
    const dropping: DraftWriters = {
      markdown,
      docx: (d) =>
        renderDocx(
          d.blocks.filter((b) => !(b.type === "heading" && b.runs[0]?.text === "附：核查发现")),
          d.view,
        ),
    };
    const paths = [join(dir, "a.md"), join(dir, "a.docx")];
    expect(await buildAndWrite(paths, dropping)).toEqual({
      ok: false,
      error: {
        code: "draft.heading_missing",
        message: `生成的文件 ${paths[1]} 不完整：缺少标题“附：核查发现”（应有 17 个标题，按模板顺序），未交付。请重新生成；如仍如此，请告诉管理员。`,
        path: paths[1],
      },
    });
    expect(paths.map((p) => existsSync(p))).toEqual([false, false]);
  }, 30_000);

  it("refuses a Markdown writer that cuts the draft after 七", async () => {
    const cutting: DraftWriters = {
      docx: draftDocx,
      markdown: (d) => Buffer.from(d.markdown.slice(0, d.markdown.indexOf("## 八、")), "utf8"),
    };
    const path = join(dir, "b.md");
    const result = await buildAndWrite([path], cutting);
    expect(result.ok ? "" : result.error.message).toBe(
      `生成的文件 ${path} 不完整：缺少标题“八、其他需要说明的问题”（应有 17 个标题，按模板顺序），未交付。请重新生成；如仍如此，请告诉管理员。`,
    );
    expect(existsSync(path)).toBe(false);
  }, 30_000);

  it("refuses Word bytes that are no .docx", async () => {
    const broken: DraftWriters = { markdown, docx: async () => new Uint8Array([1, 2, 3]) };
    const path = join(dir, "c.docx");
    const result = await buildAndWrite([path], broken);
    expect(result.ok ? "" : result.error.code).toBe("draft.file_unreadable");
    expect(existsSync(path)).toBe(false);
  }, 30_000);
});
