import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { afterAll, describe, expect, it } from "vitest";
import { reviewPage } from "../../../src/services/review/review-html.ts";
import { dumpDom, findChromium, screenshot } from "./review-html-chromium.ts";
import { sampleResult } from "./review-html-sample.ts";

const chromium = findChromium();
if (chromium === null)
  console.warn(
    "跳过 review.html 的浏览器测试：本机没有 Chromium（Debian 上 apt-get install chromium；.ci/run 以 root 运行时会尝试安装）",
  );

const tmp = mkdtempSync(join(tmpdir(), "ziping-review-html-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = join(tmp, "review.html");
writeFileSync(file, reviewPage(sampleResult()));
const url = (hash = "") => `${pathToFileURL(file).href}${hash}`;

/** The overview rows of a dumped DOM: rank and whether the row is hidden, in document order. */
function overviewRows(dom: string): string[] {
  return [...dom.matchAll(/<tr id="o-(\d+)"[^>]*?( hidden="")?>/g)].map(
    (m) => `${m[1]}${m[2] ? " 隐藏" : ""}`,
  );
}

function shownCount(dom: string): string | undefined {
  return /<span id="shown">([^<]*)<\/span>/.exec(dom)?.[1];
}

/** The pixel rows of an image where at least 20 pixels have exactly the colour `rgb`. */
function rowsOfColour(data: Uint8ClampedArray, width: number, rgb: [number, number, number]): number[] {
  const rows: number[] = [];
  for (let y = 0; y < data.length / 4 / width; y += 1) {
    let n = 0;
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) n += 1;
    }
    if (n >= 20) rows.push(y);
  }
  return rows;
}

describe.skipIf(chromium === null)("review.html opened from disk in headless Chromium", () => {
  const browser = chromium ?? "";

  it("after the page's script ran: the overview in ranked order, every report counted", async () => {
    const dom = await dumpDom(browser, tmp, url());
    expect(dom).toContain('<html lang="zh-CN" data-ready="1">');
    expect(overviewRows(dom)).toEqual(["1", "2", "3", "4"]);
    expect(shownCount(dom)).toBe("显示 4 / 4 份");
    expect(/<th data-key="rank"[^>]*aria-sort="ascending"/.test(dom)).toBe(true);
  }, 120_000);

  it("sorted by clicks on a header (most errors first; empty years last; ranks reversed), filtered by a word", async () => {
    const byErrors = await dumpDom(browser, tmp, url("#sort=errors-desc"));
    expect(overviewRows(byErrors)).toEqual(["2", "1", "3", "4"]);
    expect(/<th data-key="errors"[^>]*aria-sort="descending"/.test(byErrors)).toBe(true);
    expect(/<th data-key="rank"[^>]*aria-sort="none"/.test(byErrors)).toBe(true);
    const byYear = await dumpDom(browser, tmp, url("#sort=year-desc"));
    expect(overviewRows(byYear)).toEqual(["2", "3", "4", "1"]);
    // The ranked order reversed: two clicks on 排名 (the first sorts it the other way).
    const reversed = await dumpDom(browser, tmp, url("#sort=rank-desc"));
    expect(overviewRows(reversed)).toEqual(["4", "3", "2", "1"]);
    const filtered = await dumpDom(browser, tmp, url(`#filter=${encodeURIComponent("附件")}`));
    expect(overviewRows(filtered)).toEqual(["1 隐藏", "2 隐藏", "3", "4 隐藏"]);
    expect(shownCount(filtered)).toBe("显示 1 / 4 份");
    expect(
      [...filtered.matchAll(/<details class="report[^"]*" id="(r-\d+)"[^>]*?( hidden="")?>/g)].map(
        (m) => `${m[1]}${m[2] ? " 隐藏" : ""}`,
      ),
    ).toEqual(["r-1 隐藏", "r-2 隐藏", "r-3", "r-4 隐藏"]);
  }, 300_000);

  it("a screenshot shows the header, the overview rows, the copied passage and a report's findings, in that order", async () => {
    const png = join(tmp, "page.png");
    await screenshot(browser, tmp, url(), png, [1280, 2000]);
    const bytes = readFileSync(png);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = await loadImage(bytes);
    expect([image.width, image.height]).toEqual([1280, 2000]);
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const header = rowsOfColour(data, image.width, [0x1f, 0x3b, 0x5c]);
    const unreadableRow = rowsOfColour(data, image.width, [0xf9, 0xd0, 0xcc]);
    const attentionRow = rowsOfColour(data, image.width, [0xfd, 0xec, 0xea]);
    const marked = rowsOfColour(data, image.width, [0xff, 0xe0, 0x8a]);
    const errorRed = rowsOfColour(data, image.width, [0xb3, 0x26, 0x1e]);
    expect(header[0]).toBe(0);
    for (const rows of [unreadableRow, attentionRow, marked]) expect(rows.length).toBeGreaterThan(10);
    const [first, last] = [unreadableRow[0] ?? 0, attentionRow.at(-1) ?? 0];
    // The overview's first two rows (unreadable, then a score to verify) under the header.
    expect(first).toBeGreaterThan(header.at(-1) ?? 0);
    expect(attentionRow[0]).toBeGreaterThan(unreadableRow.at(-1) ?? 0);
    // Not blank: the rows hold text (dark pixels), not only their fill.
    let dark = 0;
    for (let i = first * image.width * 4; i < (last + 1) * image.width * 4; i += 4)
      if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 3 * 128) dark += 1;
    expect(dark).toBeGreaterThan(2000);
    // The copied passage below the overview, then report 2's error badges below it.
    expect(marked[0]).toBeGreaterThan(last);
    expect(errorRed.filter((y) => y > (marked.at(-1) ?? 0)).length).toBeGreaterThan(10);
  }, 120_000);
});
