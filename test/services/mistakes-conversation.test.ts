import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/conversation/replies.ts";
import { Chat, CONVERSATIONS, lastQuestion, notices, script, testApp } from "./chat-harness.ts";

/** The officer's typical mistakes, each caught and corrected; the report ends as fixtures/conversations/mistakes.report.json. */
describe("a conversation with typical mistakes and corrections", () => {
  let turns: Reply[][] = [];
  const chat = new Chat(testApp());
  beforeAll(async () => {
    turns = (await chat.sendAll(script("mistakes.txt"))).map((t) => t.replies);
  });
  const turn = (n: number): Reply[] => turns[n - 1] ?? [];

  it("takes the unit name, year and kind from one space-separated line", async () => {
    expect(turn(2)[0]).toEqual({
      type: "text",
      text: "已记录：单位名称：郑州市金水区电子政务中心；年度：2021；报告类型：部门整体",
    });
  });

  it("refuses a vague amount, naming the field and an example, and asks again", async () => {
    expect(notices(turn(7), "error")).toEqual([
      "“年初预算数”需要准确金额，不能是“五百多万”这样的约数（自评表按决算数填写）。请填写，例如：561.41万元",
    ]);
    expect(lastQuestion(turn(7))?.slot).toBe("budget");
  });

  it("asks before saving an executed amount ten times the budget; 取消 saves nothing", async () => {
    expect(turn(8).at(-1)?.type).toBe("confirm");
    expect(turn(9)[0]).toEqual({
      type: "text",
      text: "已放弃，未保存：年初预算数：561.41万元；调整后预算数：561.41万元；预算执行数：5450.6万元。",
    });
  });

  it("shows the derived execution rate instead of asking for it", async () => {
    expect(notices(turn(10), "info")[0]).toBe(
      "由预算数字算出（无需填写）：\n预算执行率：预算执行数545.06万元 ÷ 调整后预算数561.41万元 = 97.09%\n预算调整率：|调整后预算数561.41万元 − 年初预算数561.41万元| ÷ 年初预算数561.41万元 = 0%",
    );
  });

  it("corrects a figure by name (a bare number read as 万元, said so) and undoes it", async () => {
    expect(turn(11).slice(0, 2)).toEqual([
      { type: "text", text: "已记录：预算执行数：545.06万元 → 545.6万元" },
      { type: "notice", level: "info", text: "预算执行数没有写单位，按万元记为 545.6万元" },
    ]);
    expect(turn(12)[0]).toEqual({ type: "text", text: "已撤销：预算执行数：545.06万元 → 545.6万元" });
  });

  it("asks for the one actual value the pasted table lacked, then corrects another by its number", async () => {
    expect(lastQuestion(turn(15))?.text).toBe(
      "第2个指标“中心机房设施维护覆盖率”（指标值 ≥99%）的实际完成值是多少？",
    );
    expect(turn(18)[0]).toEqual({
      type: "text",
      text: "已记录：第3个指标“服务单位满意度”的实际完成值：96% → 97%",
    });
  });

  it("asks why a target was missed, and pushes back on “无” in 问题和改进措施 with the actual deductions", async () => {
    expect(lastQuestion(turn(18))?.text).toBe(
      "“服务单位满意度”没有达到指标值（≥98%，实际 97%），原因是什么？准备怎样改进？",
    );
    expect(notices(turn(22), "error")).toEqual([
      "您在“服务单位满意度”上失0.31分，原因是什么？准备怎样改进？另外，“预算执行（预算执行率）”失0.29分也要说明。这些失分就是本部分要写的问题。如确实没有问题，请回复“确认没有问题”（检查报告时仍会列出这一项）。",
    ]);
  });

  it("ends with the report the corrections describe, and delivers it on 生成报告", async () => {
    const expected = JSON.parse(readFileSync(join(CONVERSATIONS, "mistakes.report.json"), "utf8"));
    expect(await chat.doc()).toEqual(expected);
    expect(lastQuestion(turn(25))?.slot).toBe("review");
  });
});
