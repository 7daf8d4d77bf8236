import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/conversation/replies.ts";
import { ok } from "../../src/core/result.ts";
import type { ChannelOutbound } from "../../src/services/channel-port.ts";
import { runFiles } from "../../src/services/channel-turns.ts";
import { testApp } from "./chat-harness.ts";
import { renderFixturePage } from "./ocr/scan-pages.ts";

/**
 * A photo or scan of a page shared in a chat (.png/.jpg/.jpeg) is accepted with the PDF size limit,
 * read by OCR through the one file path every channel takes (`runFiles`), and the officer is told
 * that its figures came from OCR before the engine shows what it read and asks to confirm.
 */

const now = () => new Date("2026-12-03T08:00:00Z");
const quiet = { info: () => {}, error: () => {} };
const MB = 1024 * 1024;

/** A channel that keeps the replies it is sent. */
function keepingChannel() {
  const sent: Reply[][] = [];
  const out: ChannelOutbound = {
    capabilities: { buttons: false, messageUpdates: false, tables: true, files: true },
    async send(m) {
      if (m.kind === "replies") sent.push([...m.replies]);
      return `m${sent.length}`;
    },
    async update() {},
    async upload() {
      return ok([]);
    },
  };
  return { out, sent };
}

describe("a scanned page shared in a chat", () => {
  it("a .png of seed 000's budget table: an OCR note, then the budget figures as read, to confirm", async () => {
    const png = (await renderFixturePage("fixtures/pdf/seed-000-text.pdf", 2)).toBuffer("image/png");
    const app = testApp();
    const { out, sent } = keepingChannel();
    const limits: number[] = [];
    const file = {
      id: "F1",
      name: "扫描页.png",
      size: png.length,
      platform: "钉钉",
      fetch: async (limit: number) => {
        limits.push(limit);
        return ok(new Uint8Array(png));
      },
    };
    await runFiles(
      app.ziping,
      out,
      { id: "E1", conversation: "test:c1", user: "u1", text: "", files: [file] },
      now,
      quiet,
    );
    expect(limits).toEqual([50 * MB]);
    expect(sent[0]).toEqual([
      {
        type: "notice",
        level: "warn",
        field: "扫描页.png",
        text: "文件 扫描页.png 是扫描件，文字和数字由 OCR（PaddleOCR PP-OCRv4）识别，可能有误读。有 1 处数字识别不清，显示为“�”，没有采用；请对照原件核对读到的数字后再确认。",
      },
    ]);
    const [table, , confirm] = sent[1] ?? [];
    if (table?.type !== "table") throw new Error("no table of what was read");
    // The page's budget total (年初 561.41, 调整后 561.41, 执行 545.06) and the 项目支出 line.
    expect(table.rows.slice(0, 3)).toEqual([
      ["年初预算数", "561.41万元"],
      ["调整后预算数", "561.41万元"],
      ["预算执行数", "545.06万元"],
    ]);
    expect(table.rows.at(-1)).toEqual(["预算情况·项目支出", "307.88万元 / 307.88万元 / 291.53万元 / 95%"]);
    expect(confirm?.type).toBe("confirm");
    expect(await app.store.getProcessedMessage("E1:file:F1")).toBeDefined();
    app.close();
  }, 300_000);

  it("a .jpg larger than the PDF limit is refused on the platform's size, before downloading", async () => {
    const app = testApp();
    const { out, sent } = keepingChannel();
    const file = {
      id: "F2",
      name: "扫描页.jpg",
      size: 60 * MB,
      platform: "钉钉",
      fetch: async () => {
        throw new Error("不应下载");
      },
    };
    await runFiles(
      app.ziping,
      out,
      { id: "E2", conversation: "test:c2", user: "u2", text: "", files: [file] },
      now,
      quiet,
    );
    expect(sent).toEqual([
      [
        {
          type: "notice",
          level: "error",
          field: "扫描页.jpg",
          text: "文件 扫描页.jpg 有 60 MB，超过扫描图片的上限 50 MB，未读取。请以 300 dpi 以下的分辨率重新扫描，或另存为 JPEG 后再导入，例如 扫描页.jpg",
        },
      ],
    ]);
    app.close();
  });
});
