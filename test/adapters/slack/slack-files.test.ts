import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { fileMessage } from "../../../src/importing/files/file-problems.ts";
import { dm, envelope, type Testbed, testbed } from "./slack-testbed.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";

let t: Testbed;
beforeEach(async () => {
  t = testbed();
  t.slack.install();
  await t.receiver.send(envelope(dm(FIRST)));
  t.slack.clear();
});
afterEach(async () => {
  t.close();
  nock.cleanAll();
});

function upload(name: string, bytes: Buffer | null, size = bytes?.length ?? 0) {
  const path = `/files-pri/T1-F5/download/${encodeURIComponent(name)}`;
  if (bytes !== null) t.slack.files.set(path, bytes);
  return envelope(
    dm("", { files: [{ id: "F5", name, size, url_private_download: `https://files.slack.com${path}` }] }),
  );
}

function notice(): string {
  const blocks = t.slack.calls[0]?.args.blocks as { text?: { text: string } }[];
  return blocks[0]?.text?.text ?? "";
}

describe("uploaded files are checked before anything is read or saved", () => {
  test("a .docx that is really a broken PDF: read as a PDF, the message names the file and the fix, and nothing is saved", async () => {
    await t.receiver.send(upload("2021年自评报告.docx", Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n")));
    expect(t.slack.downloadAuth).toHaveLength(1);
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    expect(notice()).toBe(
      `:x: ${fileMessage("2021年自评报告.docx", "file.pdf_corrupt", { detail: "pdf.js 无法解析其结构" })}`,
    );
    expect(notice()).toContain("已损坏或不是完整的 PDF");
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer"]);
  });

  test("an .ofd file is refused by its type without being downloaded", async () => {
    await t.receiver.send(upload("自评报告.ofd", Buffer.from("PK")));
    expect(t.slack.downloadAuth).toEqual([]);
    expect(notice()).toBe(`:x: ${fileMessage("自评报告.ofd", "file.unsupported_type")}`);
  });

  test("a 30 MB workbook is refused on Slack's size without being downloaded", async () => {
    await t.receiver.send(upload("自评表.xlsx", null, 30 * 1024 * 1024));
    expect(t.slack.downloadAuth).toEqual([]);
    expect(notice()).toBe(
      `:x: ${fileMessage("自评表.xlsx", "file.too_large", { size: 30 * 1024 * 1024, text: false })}`,
    );
  });

  test("a file whose real size is over the limit is cut off while downloading (Slack's size is not trusted)", async () => {
    await t.receiver.send(upload("说明.txt", Buffer.alloc(6 * 1024 * 1024, 0x41), 100));
    expect(t.slack.downloadAuth).toHaveLength(1);
    expect(notice()).toBe(
      ":x: 文件 说明.txt 实际大小超过文本文件的上限 5 MB（与 Slack 标注的大小不符），未读取。请删去与报告无关的内容后重新上传，例如 自评报告.txt",
    );
  });

  test("a .txt with the narrative is read and shown for confirmation like a paste", async () => {
    const text =
      "五、发现的主要问题和改进措施\n部分项目预算执行进度偏慢，年底集中支付；下一步按月调度支出进度。";
    await t.receiver.send(upload("问题.txt", Buffer.from(text, "utf8")));
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    const blocks = t.slack.calls[0]?.args.blocks as { type: string; elements?: { action_id: string }[] }[];
    expect(
      blocks.filter((b) => b.type === "actions").flatMap((b) => (b.elements ?? []).map((e) => e.action_id)),
    ).toEqual(["ziping.confirm", "ziping.modify", "ziping.choice.1"]);
  });
});
