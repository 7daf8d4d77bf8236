import { describe, expect, test } from "vitest";
import { renderReplies, splitMarkdown } from "../../../src/adapters/wecom/wecom-render.ts";

const ctx = (buttons: boolean) => {
  let n = 0;
  return { conversation: "wecom:B:u1", buttons, taskId: () => `t${++n}` };
};

describe("replies as WeCom messages", () => {
  test("a table is a list, one row per line (WeCom's markdown has no tables)", () => {
    const out = renderReplies(
      [
        {
          type: "table",
          title: "各项指标得分",
          columns: ["指标", "分值", "得分"],
          rows: [
            ["预算执行", "10", "9.62"],
            ["产出指标", "40", "40"],
          ],
          note: "另有 2 处不一致。",
        },
      ],
      ctx(true),
    );
    expect(out).toEqual([
      {
        kind: "markdown",
        content:
          "**各项指标得分**\n- 预算执行：分值 10；得分 9.62\n- 产出指标：分值 40；得分 40\n\n另有 2 处不一致。",
      },
    ]);
  });

  test("a two-column table reads as name：value", () => {
    const out = renderReplies(
      [{ type: "table", title: "读到", columns: ["项目", "内容"], rows: [["年度", "2021"]] }],
      ctx(true),
    );
    expect(out).toEqual([{ kind: "markdown", content: "**读到**\n- 年度：2021" }]);
  });

  test("a question with choices: the markdown, then a card with each choice and 跳过", () => {
    const out = renderReplies(
      [
        {
          type: "question",
          slot: "s",
          field: "评分办法",
          text: "按哪个评分办法计分？",
          progress: { done: 3, total: 10 },
          choices: [
            { label: "河南郑州区县", value: "henan-zz" },
            { label: "按本表结构", value: "按本表结构" },
          ],
        },
      ],
      ctx(true),
    );
    expect(out).toEqual([
      { kind: "markdown", content: "**已完成 3/10 项（30%）**\n按哪个评分办法计分？" },
      {
        kind: "card",
        card: {
          card_type: "button_interaction",
          main_title: { title: "请选择，或直接回复", desc: "已完成 3/10 项（30%）" },
          button_list: [
            { text: "河南郑州区县", style: 2, key: '{"k":"wecom:B:u1","a":"choose","v":"henan-zz"}' },
            { text: "按本表结构", style: 2, key: '{"k":"wecom:B:u1","a":"choose","v":"按本表结构"}' },
            { text: "跳过", style: 2, key: '{"k":"wecom:B:u1","a":"skip"}' },
          ],
          task_id: "t1",
        },
      },
    ]);
  });

  test("more choices than a card holds: the card keeps five and 跳过, the markdown names every choice", () => {
    const choices = ["一", "二", "三", "四", "五", "六"].map((c) => ({
      label: `方案${c}`,
      value: `方案${c}`,
    }));
    const out = renderReplies(
      [
        {
          type: "question",
          slot: "s",
          field: "f",
          text: "选哪个？",
          progress: { done: 1, total: 2 },
          choices,
        },
      ],
      ctx(true),
    );
    expect(out[0]).toEqual({
      kind: "markdown",
      content:
        "**已完成 1/2 项（50%）**\n选哪个？\n请回复：方案一 / 方案二 / 方案三 / 方案四 / 方案五 / 方案六",
    });
    const card = out[1]?.kind === "card" ? out[1].card : null;
    expect(card?.button_list.map((b) => b.text)).toEqual([
      "方案一",
      "方案二",
      "方案三",
      "方案四",
      "方案五",
      "跳过",
    ]);
  });

  test("without cards (the callback mode) a confirmation names the words to type", () => {
    const out = renderReplies(
      [
        {
          type: "confirm",
          text: "以上内容正确吗？",
          choices: [
            { label: "确认", value: "确认" },
            { label: "取消", value: "取消" },
          ],
        },
      ],
      ctx(false),
    );
    expect(out).toEqual([{ kind: "markdown", content: "以上内容正确吗？\n请回复：确认 / 取消" }]);
  });

  test("long markdown is split at line ends under WeCom's 4096-byte limit", () => {
    const line = "一".repeat(500); // 1500 bytes
    const chunks = splitMarkdown([line, line, line, line].join("\n"));
    expect(chunks.map((c) => Buffer.byteLength(c))).toEqual([3001, 3001]);
    expect(splitMarkdown("  \n ")).toEqual([]);
  });
});
