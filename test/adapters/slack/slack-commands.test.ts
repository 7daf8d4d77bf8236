import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { SLASH_COMMANDS } from "../../../src/adapters/slack/blocks/help-blocks.ts";
import { CorpusStore } from "../../../src/storage/corpus-store.ts";
import { openDatabase } from "../../../src/storage/open-database.ts";
import { wholeSeedDocx } from "../../importing/files/seed-documents.ts";
import { tempDir } from "../../storage/temp-db.ts";
import { buttonPress, dm, envelope, slashCommand, type Testbed, testbed } from "./slack-testbed.ts";

const COPIED =
  "依托市级政务云平台统一部署项目申报审批系统，全年受理企业投资项目备案1286件，审批核准项目37个，平均办理时限压缩至2.5个工作日。";
const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";

let t: Testbed;
beforeEach(async () => {
  t = testbed();
  t.slack.install();
});
afterEach(async () => {
  t.close();
  nock.cleanAll();
});

/** A report with seed 000's tables: first message, the Word file, 确认. */
async function seedReport(): Promise<void> {
  await t.receiver.send(envelope(dm(FIRST)));
  t.slack.files.set("/files-pri/T1-F9/download/a.docx", Buffer.from(await wholeSeedDocx()));
  const url = "https://files.slack.com/files-pri/T1-F9/download/a.docx";
  await t.receiver.send(
    envelope(dm("", { files: [{ id: "F9", name: "a.docx", size: 1000, url_private_download: url }] })),
  );
  const shown = t.slack.calls.at(-1)?.args ?? {};
  const message = { channel: "D1", ts: "1700000100.000002", blocks: shown.blocks as unknown[] };
  await t.receiver.send(
    buttonPress(message, "ziping.confirm", JSON.stringify({ k: "slack:T1:D1", t: "确认" })),
  );
  t.slack.clear();
}

function responseTexts(): string[] {
  return t.slack.responses.map((r) => String(r.text));
}

describe("/ziping", () => {
  test("help (and no subcommand) lists every subcommand, only to the officer", async () => {
    const acked = await t.receiver.send(slashCommand(""));
    expect(acked.ack).toEqual({ body: undefined });
    await t.receiver.send(slashCommand("help"));
    expect(t.slack.methods()).toEqual([]);
    expect(t.slack.responses).toHaveLength(2);
    for (const r of t.slack.responses) {
      expect(r.response_type).toBe("ephemeral");
      for (const c of SLASH_COMMANDS) expect(JSON.stringify(r.blocks)).toContain(c.usage);
    }
  });

  test("an unknown subcommand says so, then shows the help", async () => {
    await t.receiver.send(slashCommand("delete r1"));
    expect(responseTexts()[0]?.startsWith("没有子命令“delete”。\n")).toBe(true);
  });

  test("new from a channel starts the report in the DM and says where to go", async () => {
    await t.receiver.send(slashCommand("new", { channel: "C1" }));
    expect(t.slack.methods()).toEqual(["conversations.open", "chat.postMessage"]);
    expect(t.slack.calls[0]?.args.users).toBe("U1");
    expect(t.slack.calls[1]?.args).toMatchObject({ channel: "D1", text: "好的，开始一份新报告。" });
    expect(responseTexts()).toEqual(["已在与 ziping 的私信中开始新报告，请到私信中继续。"]);
    // The DM channel is looked up once.
    await t.receiver.send(slashCommand("status", { channel: "C1" }));
    expect(t.slack.of("conversations.open")).toHaveLength(1);
  });

  test("score, why and status answer about the current report without changing it", async () => {
    await seedReport();
    const before = await t.app.store.getConversation("slack:T1:D1");
    await t.receiver.send(slashCommand("score"));
    await t.receiver.send(slashCommand("why"));
    await t.receiver.send(slashCommand("status"));
    expect(t.slack.methods()).toEqual(["conversations.open"]);
    const [score, why, status] = responseTexts();
    expect(score).toBe(
      "按《河南郑州区县 部门整体绩效自评》，现在计得 91.71 分，等级“优”（报告填写的是96分）。",
    );
    expect(why).toContain("91.71");
    expect(status).toBe("已完成 47/50 项。");
    expect(await t.app.store.getConversation("slack:T1:D1")).toEqual(before);
  });

  test("check lists the findings with their codes", async () => {
    await seedReport();
    await t.receiver.send(slashCommand("check"));
    const [head] = responseTexts();
    // Issue 16: 三's "最终得分为 96 分" is held to the rules' 91.71 (score.narrative_total), one more error.
    expect(head).toBe("按规则得分 91.71 分（优）。核查发现 20 项：错误 14，警告 5，提示 1。");
    const listed = JSON.stringify(t.slack.responses[0]?.blocks);
    expect(listed).toContain("· [错误] score.narrative_total 三、综合评价结论：");
    expect(listed).toContain("· [错误] narrative.empty 五、发现的主要问题和改进措施：");
    expect(listed).toContain(
      "· [错误] weights.block_sum 效益指标：“效益指标”标称30分，但其三级指标分值合计为25分。",
    );
  });

  test("check names a passage copied from another agency's report in the deployment's corpus", async () => {
    t.close();
    nock.cleanAll();
    const { dir, cleanup } = tempDir();
    const path = join(dir, "ziping.db");
    const seeded = testbed(path);
    seeded.slack.install();
    t = seeded;
    await seedReport();
    const db = openDatabase(path);
    await new CorpusStore(db).addDocument(
      { agency: "某市发展和改革委员会", year: 2020, text: `一、基本情况\n${COPIED}\n二、其他` },
      new Date("2026-11-01T00:00:00Z"),
    );
    db.close();
    // The officer pastes section 七 with the other agency's passage and confirms despite the warning.
    await t.receiver.send(envelope(dm(`七、绩效自评工作的经验、问题和建议\n本年度工作如下：${COPIED}`)));
    const warned = t.slack.calls.at(-1)?.args ?? {};
    expect(JSON.stringify(warned.blocks)).toContain("某市发展和改革委员会");
    const message = { channel: "D1", ts: "1700000100.000005", blocks: warned.blocks as unknown[] };
    await t.receiver.send(
      buttonPress(message, "ziping.confirm", JSON.stringify({ k: "slack:T1:D1", t: "确认" })),
    );
    await t.receiver.send(slashCommand("check"));
    expect(JSON.stringify(t.slack.responses[0]?.blocks)).toContain("copy.cross_report");
    expect(JSON.stringify(t.slack.responses[0]?.blocks)).toContain("某市发展和改革委员会");
    cleanup();
  });

  test("draft r1 posts the placeholder, uploads both files and the summary into the DM", async () => {
    await seedReport();
    await t.receiver.send(slashCommand("draft r1", { channel: "C1" }));
    expect(t.slack.methods()).toEqual([
      "conversations.open",
      "chat.postMessage",
      "files.getUploadURLExternal",
      "files.getUploadURLExternal",
      "files.completeUploadExternal",
      "chat.update",
    ]);
    expect(responseTexts()).toEqual(["正在生成报告，完成后文件会出现在与 ziping 的私信中。"]);
    expect(t.slack.of("files.completeUploadExternal")[0]?.args.channel_id).toBe("D1");
  });
});

describe("App Home", () => {
  test("lists the officer's reports with progress, score and continue/download buttons", async () => {
    await seedReport();
    await t.receiver.send(envelope({ type: "app_home_opened", user: "U1", channel: "D1", tab: "home" }));
    expect(t.slack.methods()).toEqual(["views.publish"]);
    const view = t.slack.calls[0]?.args.view as { type: string; blocks: unknown[] };
    expect(t.slack.calls[0]?.args.user_id).toBe("U1");
    expect(view.type).toBe("home");
    const json = JSON.stringify(view.blocks);
    expect(json).toContain(
      '"*郑州市金水区电子政务中心 2021年度 部门整体*\\n进度 47/50 · 得分 91.71（优） · 更新于 2026-11-21"',
    );
    expect(json).toContain("ziping.home.continue");
    expect(json).toContain("ziping.home.download");
    expect(json).toContain("slack:T1:U1");
  });

  test("继续填写 reopens the report in the DM and refreshes the Home tab", async () => {
    await seedReport();
    await t.receiver.send(envelope(dm("新建报告")));
    t.slack.clear();
    const value = JSON.stringify({ k: "home", r: "r1" });
    const press = buttonPress({ channel: "D1", ts: "1", blocks: [] }, "ziping.home.continue", value);
    const { channel: _c, container: _m, message: _g, ...home } = press;
    await t.receiver.send({
      ...home,
      container: { type: "view", view_id: "VH" },
      view: { id: "VH", type: "home" },
    });
    expect(t.slack.methods()).toEqual(["conversations.open", "chat.postMessage", "views.publish"]);
    expect(t.slack.calls[1]?.args.text).toBe("欢迎回来，上次填到这里（已完成 47/50 项）。");
    expect((await t.app.store.getConversation("slack:T1:D1"))?.reportId).toBe("r1");
  });
});
