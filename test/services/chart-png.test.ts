import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PNG_SIGNATURE, pngSize } from "../../src/rendering/png-size.ts";
import { chartSvg } from "../../src/rendering/score-chart.ts";
import { chartPng, findCjkFonts } from "../../src/services/chart-png.ts";

const SVG = chartSvg([
  { name: "预算执行率", points: 9.71, weight: 10, rate: 97.1 },
  { name: "产出指标", points: 38, weight: 40, rate: 95 },
]);
const NOTO_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

const work = mkdtempSync(join(tmpdir(), "ziping-fonts-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("chartPng", () => {
  it("renders the chart as a 1200 × 600 PNG", () => {
    const { png } = chartPng(SVG);
    expect([...png.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    expect(pngSize(png)).toEqual({ width: 1200, height: 600 });
  });

  it.skipIf(!existsSync(NOTO_SANS))("finds Noto Sans CJK when fonts-noto-cjk is installed", () => {
    const found = findCjkFonts(["/usr/share/fonts/opentype/noto"]);
    expect(found).toContain(NOTO_SANS);
    expect(found[0]).toMatch(/\/NotoSansCJK-(Bold|Regular)\.ttc$/);
    expect(chartPng(SVG).fontFound).toBe(true);
  });

  it("reports fontFound false when the folders hold no Chinese font (and still renders)", () => {
    const empty = join(work, "empty");
    mkdirSync(empty);
    const result = chartPng(SVG, [empty, join(work, "missing")]);
    expect(result.fontFound).toBe(false);
    expect(pngSize(result.png)).toEqual({ width: 1200, height: 600 });
  });
});

describe("findCjkFonts", () => {
  it("lists the known CJK font files two levels down, best first, each name once", () => {
    const root = join(work, "fonts");
    for (const file of [
      "wqy/wqy-microhei.ttc",
      "noto/NotoSansCJK-Regular.ttc",
      "noto/NotoSansCJK-Bold.ttc",
      "other/DejaVuSans.ttf",
      "copy/NotoSansCJK-Regular.ttc",
    ]) {
      mkdirSync(join(root, file, ".."), { recursive: true });
      writeFileSync(join(root, file), "");
    }
    expect(findCjkFonts([root])).toEqual([
      join(root, "copy/NotoSansCJK-Regular.ttc"),
      join(root, "noto/NotoSansCJK-Bold.ttc"),
      join(root, "wqy/wqy-microhei.ttc"),
    ]);
  });
});

describe("pngSize", () => {
  it("returns null for bytes that are not a PNG", () => {
    expect(pngSize(new TextEncoder().encode("not a png at all, just text"))).toBeNull();
  });
});
