import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPageTools, MISSING_TOOLS_MESSAGE, renderPages } from "../../scripts/render-pages.ts";
import { pngSize } from "../../src/rendering/png-size.ts";
import { renderDocx } from "../../src/rendering/render-docx.ts";
import { chartSvg } from "../../src/rendering/score-chart.ts";
import { chartPng } from "../../src/services/chart-png.ts";
import { SAMPLE_VIEW, sampleBlocks } from "./sample-draft.ts";

const tools = findPageTools();
if (tools === null) {
  console.warn(
    "跳过页面渲染测试：未安装 LibreOffice 或 poppler-utils / skipping page rendering: soffice or pdftoppm not installed",
  );
}

const work = mkdtempSync(join(tmpdir(), "ziping-render-pages-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("renderPages", () => {
  it.skipIf(tools === null)(
    "converts the sample draft to PDF and one A4 PNG per page at 60 dpi",
    async () => {
      const docx = join(work, "sample.docx");
      const { png } = chartPng(chartSvg(SAMPLE_VIEW.chart));
      writeFileSync(docx, await renderDocx(sampleBlocks(), SAMPLE_VIEW, { chartPng: png }));
      const rendered = renderPages(docx, join(work, "pages"), { tools });
      if (!rendered.ok) throw new Error(rendered.error.message);
      expect(rendered.value.pages).toBeGreaterThanOrEqual(1);
      expect(rendered.value.images).toHaveLength(rendered.value.pages);
      expect(rendered.value.images[0]).toBe(join(work, "pages", "sample-1.png"));
      // A4 is 595.3 × 841.9 pt: at 60 dpi 496.1 × 701.6 px, which pdftoppm rounds up
      const first = await readFile(rendered.value.images[0] ?? "");
      expect(pngSize(first)).toEqual({ width: 497, height: 702 });
    },
    120_000,
  );

  it("fails with pages.tools_missing and the install hint when the tools are absent", () => {
    const rendered = renderPages(join(work, "none.docx"), join(work, "none"), { tools: null });
    expect(rendered).toEqual({
      ok: false,
      error: { code: "pages.tools_missing", message: MISSING_TOOLS_MESSAGE },
    });
    expect(MISSING_TOOLS_MESSAGE).toContain(
      "apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk",
    );
  });

  it("fails with pages.no_file before running anything when the .docx does not exist", () => {
    const fake = {
      soffice: "/nonexistent/soffice",
      pdftoppm: "/nonexistent/pdftoppm",
      pdfinfo: "/nonexistent/pdfinfo",
    };
    const missing = join(work, "missing.docx");
    expect(renderPages(missing, join(work, "out"), { tools: fake })).toEqual({
      ok: false,
      error: { code: "pages.no_file", message: `找不到文件 ${missing} / file not found` },
    });
  });

  it("finds no tools on an empty PATH", () => {
    expect(findPageTools("")).toBeNull();
  });
});
