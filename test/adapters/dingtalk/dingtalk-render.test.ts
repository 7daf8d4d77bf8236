import { describe, expect, test } from "vitest";
import {
  MAX_MARKDOWN_CHARS,
  markdownMessages,
  sendLink,
} from "../../../src/adapters/dingtalk/render-markdown.ts";

describe("DingTalk markdown", () => {
  test("a choice is a dtmd link that sends its words back, brackets in its label made full-width", () => {
    expect(sendLink("生成报告", "生成报告")).toBe(
      "[生成报告](dtmd://dingtalkclient/sendMessage?content=%E7%94%9F%E6%88%90%E6%8A%A5%E5%91%8A)",
    );
    expect(sendLink("[乡镇]版 & 区县", "a b&c=d")).toBe(
      "[［乡镇］版 & 区县](dtmd://dingtalkclient/sendMessage?content=a%20b%26c%3Dd)",
    );
  });

  test("a table reads on a phone: one list item per row, values named by their columns", () => {
    const [m] = markdownMessages({
      kind: "replies",
      replies: [
        {
          type: "table",
          title: "各项指标得分",
          columns: ["指标", "分值", "得分", "失分"],
          rows: [
            ["预算执行", "10", "9.71", "0.29"],
            ["产出指标", "40", "40", ""],
          ],
          note: "另有 2 处不一致。\n问“为什么”可看明细。",
        },
      ],
    });
    expect(m).toEqual({
      title: "各项指标得分",
      text: [
        "**各项指标得分**",
        "",
        "- **预算执行**　分值：10；得分：9.71；失分：0.29",
        "- **产出指标**　分值：40；得分：40",
        "",
        "另有 2 处不一致。  \n问“为什么”可看明细。",
      ].join("\n"),
    });
  });

  test("an officer's text shows as typed: markup characters become full-width, in text and in table cells", () => {
    const [m] = markdownMessages({
      kind: "replies",
      replies: [
        {
          type: "text",
          text: "# 一、基本情况\n**重点** 见[附件](x) <font color=red>红</font>\n> 引用\n金额 3*4",
        },
        { type: "table", title: "表*1", columns: ["指标", "值"], rows: [["#1 [a]", "<b>*"]] },
      ],
    });
    expect(m?.text).toBe(
      [
        "＃ 一、基本情况  \n＊＊重点＊＊ 见［附件］(x) ＜font color=red>红＜/font>  \n＞ 引用  \n金额 3＊4",
        "",
        "**表＊1**",
        "",
        "- **＃1 ［a］**：＜b>＊",
      ].join("\n"),
    );
  });

  test("a question shows progress, the question, its example, its choices and 跳过", () => {
    const [m] = markdownMessages({
      kind: "replies",
      replies: [
        {
          type: "question",
          slot: "kind",
          field: "报告类型",
          text: "这是哪一类自评？",
          example: "部门整体",
          progress: { done: 1, total: 4 },
          choices: [
            { label: "部门整体", value: "部门整体" },
            { label: "项目支出", value: "项目支出" },
          ],
        },
      ],
    });
    expect(m?.text.split("\n\n")).toEqual([
      "<font color=#808080>已完成 1/4 项 ▰▰▰▱▱▱▱▱▱▱ 25%</font>",
      "**这是哪一类自评？**",
      "> 例如：部门整体",
      [
        "[部门整体](dtmd://dingtalkclient/sendMessage?content=%E9%83%A8%E9%97%A8%E6%95%B4%E4%BD%93)",
        "[项目支出](dtmd://dingtalkclient/sendMessage?content=%E9%A1%B9%E7%9B%AE%E6%94%AF%E5%87%BA)",
        "[跳过](dtmd://dingtalkclient/sendMessage?content=%E8%B7%B3%E8%BF%87)",
      ].join("　"),
    ]);
    expect(m?.title).toBe("这是哪一类自评？");
  });

  test("text longer than one message is split at line ends; a repeated message sends nothing", () => {
    const line = "预".repeat(1000);
    const parts = markdownMessages({
      kind: "replies",
      replies: [{ type: "text", text: [line, line, line, line].join("\n") }],
    });
    // Each of the first three lines ends with the two spaces of a DingTalk line break.
    expect(parts.map((p) => p.text.length)).toEqual([3 * (1000 + 2) + 2, 1000]);
    expect(parts.every((p) => p.text.length <= MAX_MARKDOWN_CHARS)).toBe(true);
    expect(markdownMessages({ kind: "duplicate" })).toEqual([]);
  });
});
