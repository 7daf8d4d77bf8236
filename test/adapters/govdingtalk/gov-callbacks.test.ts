import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, test } from "vitest";
import { fileMessage, type GovTestbed, govTestbed, SETTINGS, T0, textMessage } from "./gov-testbed.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";
const OFFICER = "govdingtalk:196729:10001";

let t: GovTestbed | undefined;
let dir: string | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  nock.cleanAll();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function started(dbPath?: string): Promise<GovTestbed> {
  t = await govTestbed(dbPath);
  t.gov.clear();
  return t;
}

describe("a callback is taken only when the platform signed it, and only once", () => {
  test("a forged signature is refused with 403 and a log line; nothing is called or saved", async () => {
    const bed = await started();
    const answer = await bed.post(textMessage(FIRST), { secret: "not-the-robot-token" });
    await bed.idle();
    expect(answer).toEqual({ status: 403, body: '{"success":false}' });
    expect(bed.gov.calls).toEqual([]);
    expect(await bed.app.store.listReports(OFFICER)).toEqual([]);
    expect(bed.logs).toEqual(["已拒绝一个政务钉钉回调（签名不符，来自 127.0.0.1），未做任何处理"]);
  });

  test("a callback signed more than an hour ago is refused the same way", async () => {
    const bed = await started();
    const answer = await bed.post(textMessage(FIRST), { timestamp: T0 - 61 * 60 * 1000 });
    await bed.idle();
    expect(answer.status).toBe(403);
    expect(bed.gov.calls).toEqual([]);
    expect(bed.logs).toEqual([
      "已拒绝一个政务钉钉回调（timestamp 与本机时间相差超过 1 小时，来自 127.0.0.1），未做任何处理",
    ]);
  });

  test("a request without the signature headers, or on another path, changes nothing", async () => {
    const bed = await started();
    const bare = await rawPost(bed.channel.port, SETTINGS.callbackPath, JSON.stringify(textMessage(FIRST)));
    const elsewhere = await rawPost(bed.channel.port, "/other", "{}");
    await bed.idle();
    expect([bare, elsewhere]).toEqual([403, 404]);
    expect(bed.gov.calls).toEqual([]);
    expect(bed.logs).toEqual([
      "已拒绝一个政务钉钉回调（缺少 timestamp 或 sign 请求头，来自 127.0.0.1），未做任何处理",
    ]);
  });

  test("the same message pushed twice is answered once", async () => {
    const bed = await started();
    const message = textMessage(FIRST, { msgId: "msgDUP1" });
    expect((await bed.post(message)).status).toBe(200);
    expect((await bed.post(message)).status).toBe(200);
    await bed.idle();
    expect(bed.gov.paths()).toEqual(["POST /robot/message/sendoto"]);
    expect((await bed.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer"]);
    expect(bed.logs).toEqual(["重复的消息 govdingtalk:196729:msgDUP1，未重复处理"]);
  });

  test("a file message pushed again, even after a restart, is not downloaded or read again", async () => {
    dir = mkdtempSync(join(tmpdir(), "ziping-gov-"));
    const db = join(dir, "z.db");
    let bed = await started(db);
    await bed.post(textMessage(FIRST));
    await bed.idle();
    bed.gov.files.set(
      "@in-9",
      Buffer.from("五、发现的主要问题和改进措施\n部分项目预算执行进度偏慢。", "utf8"),
    );
    const file = fileMessage({ mediaId: "@in-9", fileName: "问题.txt", fileSize: 80 }, { msgId: "msgFILE1" });
    bed.gov.clear();
    await bed.post(file);
    await bed.post(file);
    await bed.idle();
    expect(bed.gov.paths()).toEqual(["GET /media/download", "POST /robot/message/sendoto"]);
    await bed.close();
    t = undefined;
    nock.cleanAll();
    bed = await started(db);
    bed.gov.files.set("@in-9", Buffer.from("x", "utf8"));
    await bed.post(file);
    await bed.idle();
    expect(bed.gov.calls).toEqual([]);
    expect(bed.logs).toEqual(["重复的消息 govdingtalk:196729:msgFILE1，未重复处理"]);
  }, 60_000);

  test("a body that is not a robot message is acknowledged and ignored with a log line", async () => {
    const bed = await started();
    expect(await bed.post({ hello: "world" })).toEqual({ status: 200, body: "{}" });
    await bed.idle();
    expect(bed.gov.calls).toEqual([]);
    expect(bed.logs).toEqual(["忽略了一个政务钉钉回调：回调内容不是可识别的机器人消息"]);
  });

  test("a picture is answered with what ziping can read instead, and nothing is saved", async () => {
    const bed = await started();
    const { text: _text, ...picture } = textMessage("");
    await bed.post({ ...picture, msgtype: "picture", content: { downloadCode: "pic-1" } });
    await bed.idle();
    expect(bed.gov.texts()).toEqual([
      "⚠️ 这类消息 ziping 还读不了。请直接打字回复，或把材料作为文件发送（Word .docx、Excel .xlsx、PDF 或 .txt），例如 2021年自评报告.docx",
    ]);
    expect(await bed.app.store.listReports(OFFICER)).toEqual([]);
    expect(bed.logs).toEqual(["收到 picture 类型的消息，未处理"]);
  });
});

describe("a group chat is one report conversation, with Slack's access rule", () => {
  test("an officer of another unit writing in the group is refused and changes nothing", async () => {
    const bed = await started();
    await bed.post(textMessage(FIRST, { group: "cidGROUP1" }));
    await bed.idle();
    expect(bed.gov.paths()).toEqual(["POST /robot/message/sendgroup"]);
    expect(bed.gov.calls[0]?.params.chatId).toBe("cidGROUP1");
    const before = (await bed.app.store.listEvents("r1")).length;
    bed.gov.clear();
    await bed.post(textMessage("预算执行数改成1万元", { group: "cidGROUP1", account: "10002" }));
    await bed.idle();
    expect(bed.gov.paths()).toEqual(["POST /robot/message/sendgroup"]);
    expect(bed.gov.texts()).toEqual([
      "❌ 这份报告属于您不在其中的单位，您不能查看或修改。如需协作，请管理员为您授权：ziping units add 〈单位名称〉 govdingtalk:196729:10002",
    ]);
    expect(await bed.app.store.listEvents("r1")).toHaveLength(before);
  });
});

function rawPost(port: number, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, method: "POST" }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    request.end(body);
  });
}
