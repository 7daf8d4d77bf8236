import { describe, expect, it } from "vitest";
import { Chat, script, testApp } from "./chat-harness.ts";

/** Issue 16: one 30,000-character message is read in one pass and answered (speed is in `npm run bench`). */
describe("a 30,000-character message gets its reply", () => {
  it("“ab ” repeated, as the unit's name, is refused as a name with the question asked again", async () => {
    const fresh = new Chat(testApp());
    const r = await fresh.send("ab ".repeat(10_000));
    expect(r.replies.map((x) => [x.type, "text" in x ? x.text : ""])).toEqual([
      [
        "notice",
        "这段较长的文字（29999 字）没有保存：“单位名称”应为单位全称（2–60 个字），例如：郑州市金水区电子政务中心\n如果这是报告正文，请连同章节标题一起粘贴（例如“三、绩效目标完成情况分析”）；数字请单独说明，例如“年初预算561.41万，调整后561.41万，执行545.06万”。",
      ],
      ["question", "请问填报单位的全称是？"],
    ]);
  });

  it("30,000 opening brackets or digits after every question are answered as a finished draft", async () => {
    for (const text of ["（".repeat(30_000), "0".repeat(30_000)]) {
      const chat = new Chat(testApp());
      for (const m of script("seed-000.txt")) await chat.send(m);
      const r = await chat.send(text);
      expect(r.replies.map((x) => x.type)).toEqual(["notice", "question"]);
      expect("text" in (r.replies[0] ?? {}) ? (r.replies[0] as { text: string }).text : "").toBe(
        "所有问题都已回答。要修改某个数字，可以说“把预算执行数改成545.06万元”或“第3个指标的实际值是98%”。",
      );
    }
  });
});

describe("a unit name with bidirectional controls (issue 16)", () => {
  it("is saved without them", async () => {
    const chat = new Chat(testApp());
    const r = await chat.send("郑州市\u202e金水区\u00ad电子\u2066政务中心\u2069，2021年度部门整体绩效自评");
    expect("text" in (r.replies[0] ?? {}) ? (r.replies[0] as { text: string }).text : "").toBe(
      "已记录：单位名称：郑州市金水区电子政务中心；年度：2021；报告类型：部门整体",
    );
    expect(((await chat.doc()) as { unit: unknown }).unit).toEqual({ name: "郑州市金水区电子政务中心" });
  });
});
