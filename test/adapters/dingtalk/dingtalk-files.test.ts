import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { fileMessage } from "../../../src/importing/files/file-problems.ts";
import { robotMessage, type Testbed, testbed } from "./dingtalk-testbed.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";

let t: Testbed;
beforeEach(async () => {
  t = await testbed();
  await t.send(robotMessage(FIRST));
  t.api.clear();
});
afterEach(async () => {
  await t.close();
  await t.gateway.close();
  nock.cleanAll();
});

function file(name: string, code: string) {
  return robotMessage("", { msgtype: "file", content: { downloadCode: code, fileName: name, fileId: "f9" } });
}

describe("files and other kinds of messages sent to the robot", () => {
  test("a picture is downloaded and read as a scanned page; bytes that are no picture are named as such", async () => {
    t.api.files.set("pic-1", Buffer.from("这不是图片"));
    await t.send(robotMessage("", { msgtype: "picture", content: { downloadCode: "pic-1" } }));
    expect(t.api.lines().slice(-2)).toEqual([
      "GET down.dingtalk.test/dl/pic-1",
      expect.stringContaining("POST oapi.dingtalk.com/robot/sendBySession"),
    ]);
    expect(t.api.texts()).toEqual([
      `❌ **图片.png**：${fileMessage("图片.png", "file.ocr_unreadable", { detail: "不是有效的 PNG 或 JPEG 图片" })}`,
    ]);
  });

  test("a .txt larger than its limit is cut off while downloading (DingTalk states no size)", async () => {
    t.api.files.set("big-1", Buffer.alloc(6 * 1024 * 1024, 0x41));
    await t.send(file("说明.txt", "big-1"));
    expect(t.api.lines().slice(-2)).toEqual([
      "GET down.dingtalk.test/dl/big-1",
      expect.stringContaining("POST oapi.dingtalk.com/robot/sendBySession"),
    ]);
    expect(t.api.texts()).toEqual([
      "❌ **说明.txt**：文件 说明.txt 超过 5 MB 的上限，未读取。请删去与报告无关的内容后重新发送，例如只保留自评表和文字部分的 自评报告.docx",
    ]);
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer"]);
  });

  test("a voice message is answered with what ziping can read", async () => {
    await t.send(robotMessage("", { msgtype: "audio", content: { duration: "3", downloadCode: "v1" } }));
    expect(t.api.texts()).toEqual([
      "ℹ️ 暂时只能读取文字消息和 xlsx、docx、pdf、txt 文件。请直接输入文字，或把报告作为文件发送，例如 2021年自评报告.docx",
    ]);
  });
});
