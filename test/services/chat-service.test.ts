import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HELP_TEXT } from "../../src/conversation/messages.ts";
import { ReportSchema } from "../../src/core/report.ts";
import { explain, explanationText } from "../../src/scoring/explain.ts";
import { score } from "../../src/scoring/score.ts";
import { rebuildReport } from "../../src/services/rebuild-report.ts";
import { loadReport } from "../../src/services/report-files.ts";
import { Chat, lastQuestion, notices, REPORTS, script, testApp } from "./chat-harness.ts";
import { schemeOfReport } from "./scheme-of-report.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";

describe("the chat service", () => {
  it("commits every accepted answer as an event and rebuilds the report from the events", async () => {
    const chat = new Chat(testApp());
    await chat.send(FIRST);
    await chat.send("刘媛媛 63526383");
    const events = await chat.app.store.listEvents(await chat.reportId());
    expect(events.map((e) => e.kind)).toEqual(["create", "answer", "answer"]);
    expect(events.map((e) => e.messageId)).toEqual(["m1", "m1", "m2"]);
    expect(rebuildReport(events)).toEqual(await chat.doc());
    expect(await chat.doc()).toEqual({
      schemaVersion: 1,
      unit: { name: "郑州市金水区电子政务中心", region: "河南省郑州市金水区" },
      year: 2021,
      kind: "department",
      schemeId: "henan-zhengzhou-district-department",
      preparer: { name: "刘媛媛", phone: "63526383" },
    });
  });

  it("answers a repeated message id from the record and changes nothing", async () => {
    const chat = new Chat(testApp());
    await chat.send(FIRST, "slack-1");
    const first = await chat.send("年初预算561.41万", "slack-2");
    const docBefore = await chat.doc();
    const eventsBefore = (await chat.app.store.listEvents(await chat.reportId())).length;
    const again = await chat.send("年初预算561.41万", "slack-2");
    expect(again.duplicate).toBe(true);
    expect(again.replies).toEqual(first.replies);
    expect(await chat.doc()).toEqual(docBefore);
    expect(await chat.app.store.listEvents(await chat.reportId())).toHaveLength(eventsBefore);
  });

  it("undoes the last change with 撤销 and records the undo as an event", async () => {
    const chat = new Chat(testApp());
    await chat.send(FIRST);
    await chat.send("刘媛媛 63526383");
    const turn = await chat.send("撤销");
    expect(turn.replies[0]).toEqual({ type: "text", text: "已撤销：填表人：刘媛媛，电话：63526383" });
    expect(lastQuestion(turn.replies)?.slot).toBe("preparer");
    expect(await chat.doc()).not.toHaveProperty("preparer");
    const events = await chat.app.store.listEvents(await chat.reportId());
    expect(events.at(-1)?.kind).toBe("undo");
    expect(rebuildReport(events)).toEqual(await chat.doc());
  });

  it("answers 为什么是96分不是100分 with the core's explanation, then repeats the pending question", async () => {
    const chat = new Chat(testApp());
    const messages = script("seed-000.txt");
    for (const m of messages.slice(0, 3)) await chat.send(m);
    const pending = lastQuestion((await chat.resume()).replies);
    expect(pending?.slot).toBe("three");
    const turn = await chat.send("为什么是96分不是100分");
    const report = loadReport(join(REPORTS, "seed-000.json"));
    if (!report.ok) throw new Error(report.error.message);
    const scheme = schemeOfReport(report.value);
    if (!scheme.ok) throw new Error(scheme.error.message);
    // The conversation so far has the 自评表 but not the 三公经费 or the summary table.
    const doc = ReportSchema.parse(await chat.doc());
    const expected = explanationText(
      explain(score(doc, scheme.value), scheme.value.grades),
      scheme.value.name,
    );
    expect(turn.replies[0]).toEqual({ type: "text", text: expected });
    expect(expected).toContain("报告填报96分");
    expect(lastQuestion(turn.replies)).toEqual(pending);
  });

  it("resumes a conversation in a new process exactly where it stopped", async () => {
    const path = join(process.env.TMPDIR ?? "/tmp", `ziping-resume-${process.pid}-${Date.now()}.db`);
    const first = new Chat(testApp(path));
    await first.send(FIRST);
    const asked = lastQuestion((await first.send("刘媛媛 63526383")).replies);
    first.app.close();
    const again = new Chat(testApp(path));
    const turn = await again.resume();
    expect(turn.replies[0]).toEqual({ type: "text", text: "欢迎回来，上次填到这里（已完成 6/16 项）。" });
    expect(lastQuestion(turn.replies)).toEqual(asked);
    again.app.close();
  });

  it("does not take 确认 as an answer when nothing waits for confirmation", async () => {
    const chat = new Chat(testApp());
    await chat.send(FIRST);
    const turn = await chat.send("确认");
    expect(notices(turn.replies, "info")).toEqual(["现在没有等待确认的内容。请回答下面的问题。"]);
    expect(await chat.doc()).not.toHaveProperty("preparer");
    expect(lastQuestion(turn.replies)?.slot).toBe("preparer");
  });

  it("takes a message of labelled facts as facts even while a free-text question is open", async () => {
    const chat = new Chat(testApp());
    await chat.send(FIRST);
    const turn = await chat.send("自评得分96，等级优");
    expect(turn.replies[0]).toEqual({ type: "text", text: "已记录：自评得分：96；自评结果：优" });
    expect(lastQuestion(turn.replies)?.slot).toBe("preparer");
  });

  it("says so when a table pasted again changes nothing, and reads multi-line text without tables as an answer", async () => {
    const chat = new Chat(testApp());
    await chat.send(FIRST);
    await chat.send("刘媛媛 63526383");
    const goals = await chat.send("1. 推进全区电子政务发展\n2. 保障政务网络安全");
    expect(goals.replies[0]).toEqual({
      type: "text",
      text: "已记录：年度履职目标：1. 推进全区电子政务发展\n2. 保障政务网络安全",
    });
    const table =
      "预算情况\t\t\t年初预算数\t调整预算数\t预算执行数\n\t部门预算总额\t\t561.41\t561.41\t545.06";
    await chat.send(table);
    await chat.send("确认");
    const again = await chat.send(table);
    expect(notices(again.replies, "info")).toEqual(["粘贴的内容与已保存的一致，没有需要修改的地方。"]);
    expect(again.replies.some((r) => r.type === "confirm")).toBe(false);
  });

  it("keeps two officers' reports apart and lists only their own", async () => {
    const app = testApp();
    const liu = new Chat(app, "liu");
    const wang = new Chat(app, "wang");
    await liu.send(FIRST);
    await wang.send("郑州市金水区财政局，2021年度部门整体");
    expect((await app.store.listReports("liu")).map((r) => r.unitName)).toEqual(["郑州市金水区电子政务中心"]);
    const denied = await wang.send(`切换到报告 ${await liu.reportId()}`);
    expect(notices(denied.replies, "error")[0]).toContain("没有找到您可以打开的报告");
  });

  it("answers 我的报告, 切换到报告 and 帮助 before any report without starting an empty one", async () => {
    const app = testApp();
    const liu = new Chat(app, "liu");
    await liu.send(FIRST);
    const zhao = new Chat(app, "zhao");
    expect((await zhao.send("我的报告", "z1")).replies).toEqual([{ type: "text", text: "还没有报告。" }]);
    const denied = await zhao.send(`切换到报告 ${await liu.reportId()}`, "z2");
    expect(notices(denied.replies, "error")).toEqual([
      `没有找到您可以打开的报告“${await liu.reportId()}”。回复“我的报告”查看列表。`,
    ]);
    expect((await zhao.send("帮助", "z3")).replies[0]).toEqual({ type: "text", text: HELP_TEXT });
    expect(await app.store.listReports("zhao")).toEqual([]);
    expect((await app.store.listReports()).map((r) => r.id)).toEqual([await liu.reportId()]);
  });
});
