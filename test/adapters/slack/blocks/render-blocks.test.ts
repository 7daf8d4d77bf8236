import { describe, expect, it } from "vitest";
import { progressLine } from "../../../../src/adapters/slack/blocks/question-blocks.ts";
import { renderMessages } from "../../../../src/adapters/slack/blocks/render-blocks.ts";
import type { Reply } from "../../../../src/conversation/replies.ts";

const ctx = { conversationKey: "T1:D1" };
const say = (text: string): Reply => ({ type: "text", text });

describe("renderMessages: one reply", () => {
  it("renders a question with two choices, 跳过 and 修改数字", () => {
    const reply: Reply = {
      type: "question",
      slot: "kind",
      field: "报告类型",
      text: "这是部门整体自评，还是某个项目的项目支出自评？",
      example: "部门整体",
      progress: { done: 3, total: 10 },
      choices: [
        { label: "部门整体", value: "部门整体" },
        { label: "项目支出", value: "项目支出" },
      ],
    };
    expect(renderMessages([reply], ctx)).toEqual([
      {
        text: "这是部门整体自评，还是某个项目的项目支出自评？",
        blocks: [
          { type: "context", elements: [{ type: "mrkdwn", text: "已完成 3/10 项 ▰▰▰▱▱▱▱▱▱▱ 30%" }] },
          {
            type: "section",
            text: { type: "mrkdwn", text: "这是部门整体自评，还是某个项目的项目支出自评？" },
          },
          { type: "context", elements: [{ type: "mrkdwn", text: "例如：部门整体" }] },
          {
            type: "actions",
            elements: [
              {
                type: "button",
                text: { type: "plain_text", text: "部门整体" },
                action_id: "ziping.choice.0",
                value: '{"k":"T1:D1","t":"部门整体"}',
              },
              {
                type: "button",
                text: { type: "plain_text", text: "项目支出" },
                action_id: "ziping.choice.1",
                value: '{"k":"T1:D1","t":"项目支出"}',
              },
              {
                type: "button",
                text: { type: "plain_text", text: "跳过" },
                action_id: "ziping.skip",
                value: '{"k":"T1:D1","t":"跳过"}',
              },
              {
                type: "button",
                text: { type: "plain_text", text: "修改数字" },
                action_id: "ziping.modify",
                value: '{"k":"T1:D1"}',
              },
            ],
          },
        ],
      },
    ]);
  });

  it("renders a confirmation with 确认 (primary), 修改 and 取消", () => {
    const reply: Reply = {
      type: "confirm",
      text: "读到 3 项预算数据，确认保存吗？",
      choices: [
        { label: "确认", value: "确认" },
        { label: "取消", value: "取消" },
      ],
    };
    expect(renderMessages([reply], ctx)).toEqual([
      {
        text: "读到 3 项预算数据，确认保存吗？",
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: "读到 3 项预算数据，确认保存吗？" } },
          {
            type: "actions",
            elements: [
              {
                type: "button",
                text: { type: "plain_text", text: "确认" },
                action_id: "ziping.confirm",
                value: '{"k":"T1:D1","t":"确认"}',
                style: "primary",
              },
              {
                type: "button",
                text: { type: "plain_text", text: "修改" },
                action_id: "ziping.modify",
                value: '{"k":"T1:D1","confirmFirst":true}',
              },
              {
                type: "button",
                text: { type: "plain_text", text: "取消" },
                action_id: "ziping.choice.1",
                value: '{"k":"T1:D1","t":"取消"}',
              },
            ],
          },
        ],
      },
    ]);
  });

  it.each([
    ["error", ":x: "],
    ["warn", ":warning: "],
    ["info", ":information_source: "],
  ] as const)("prefixes a %s notice with its emoji", (level, prefix) => {
    expect(renderMessages([{ type: "notice", level, text: "执行数大于调整后预算数" }], ctx)).toEqual([
      {
        text: "执行数大于调整后预算数",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: `${prefix}执行数大于调整后预算数` } }],
      },
    ]);
  });

  it("escapes <, > and & in text and in the fallback", () => {
    expect(renderMessages([say("<script>&</script>")], ctx)).toEqual([
      {
        text: "&lt;script&gt;&amp;&lt;/script&gt;",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "&lt;script&gt;&amp;&lt;/script&gt;" } }],
      },
    ]);
  });

  it("renders a small table in a code block with its note as context", () => {
    const reply: Reply = {
      type: "table",
      title: "预算<执行>",
      columns: ["项目", "金额"],
      rows: [
        ["年初预算数", "561.41万元"],
        ["执行数", "545.06万元"],
      ],
      note: "单位：万元 & 元",
    };
    expect(renderMessages([reply], ctx)).toEqual([
      {
        text: "预算&lt;执行&gt;",
        blocks: [
          {
            type: "section",
            text: {
              type: "mrkdwn",
              text: [
                "*预算&lt;执行&gt;*",
                "```",
                "项目        金额",
                "──────────  ──────────",
                "年初预算数  561.41万元",
                "执行数      545.06万元",
                "```",
              ].join("\n"),
            },
          },
          { type: "context", elements: [{ type: "mrkdwn", text: "单位：万元 &amp; 元" }] },
        ],
      },
    ]);
  });

  it("gives no message for no replies or blank text", () => {
    expect(renderMessages([], ctx)).toEqual([]);
    expect(renderMessages([say("  \n ")], ctx)).toEqual([]);
  });
});

describe("renderMessages: Slack's limits", () => {
  const sectionTexts = (replies: Reply[]) =>
    renderMessages(replies, ctx).flatMap((m) =>
      m.blocks.map((b) => (b.type === "section" ? (b.text?.text ?? "") : "")),
    );

  it("splits a long table over sections of at most 2900 characters, repeating the header", () => {
    const rows = Array.from({ length: 200 }, (_, i) => [`指标${i + 1}`, "≥99%", "100%"]);
    const texts = sectionTexts([{ type: "table", title: "指标", columns: ["名称", "指标值", "实际"], rows }]);
    expect(texts.length).toBe(2);
    expect(texts.map((t) => t.split("\n").slice(0, 3))).toEqual([
      ["*指标*", "```", "名称     指标值  实际"],
      ["*指标（续）*", "```", "名称     指标值  实际"],
    ]);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(2900);
      expect(t.endsWith("\n```")).toBe(true);
    }
    const body = texts.flatMap((t) => t.split("\n").filter((l) => l.startsWith("指标")));
    expect(body.map((l) => l.split(/\s+/)[0])).toEqual(rows.map((r) => r[0]));
  });

  it("splits a long text at line breaks", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${String(i).padStart(2, "0")}${"字".repeat(48)}`);
    const texts = sectionTexts([say(lines.join("\n"))]);
    expect(texts.map((t) => t.length)).toEqual([2855, 2243]);
    expect(texts.join("\n")).toBe(lines.join("\n"));
  });

  it("puts at most 50 blocks in a message", () => {
    const messages = renderMessages(
      Array.from({ length: 60 }, (_, i) => say(`第${i + 1}条`)),
      ctx,
    );
    expect(messages.map((m) => [m.text, m.blocks.length])).toEqual([
      ["第1条", 50],
      ["第51条", 10],
    ]);
  });

  it("keeps a reply's blocks together when it fits in the next message", () => {
    const question: Reply = {
      type: "question",
      slot: "year",
      field: "年度",
      text: "这是哪一年度的自评报告？",
      progress: { done: 1, total: 2 },
    };
    const messages = renderMessages([...Array.from({ length: 48 }, () => say("已记录")), question], ctx);
    expect(messages.map((m) => [m.text, m.blocks.map((b) => b.type)])).toEqual([
      ["已记录", Array.from({ length: 48 }, () => "section")],
      ["这是哪一年度的自评报告？", ["context", "section", "actions"]],
    ]);
  });

  it("puts at most 25 buttons in an actions block", () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ label: `方案${i + 1}`, value: `s${i + 1}` }));
    const [message] = renderMessages(
      [
        {
          type: "question",
          slot: "scheme",
          field: "评分办法",
          text: "选哪个？",
          progress: { done: 0, total: 0 },
          choices,
        },
      ],
      ctx,
    );
    const actions = (message?.blocks ?? []).flatMap((b) => (b.type === "actions" ? [b.elements.length] : []));
    expect(actions).toEqual([25, 7]);
  });

  it("clips button labels to 75 characters and the fallback to 150", () => {
    const [message] = renderMessages(
      [
        {
          type: "question",
          slot: "s",
          field: "f",
          text: "问".repeat(200),
          progress: { done: 1, total: 1 },
          choices: [{ label: "长".repeat(80), value: "v" }],
        },
      ],
      ctx,
    );
    expect(message?.text).toBe(`${"问".repeat(149)}…`);
    const first = message?.blocks.find((b) => b.type === "actions");
    expect(first?.type === "actions" ? first.elements[0] : undefined).toMatchObject({
      text: { type: "plain_text", text: `${"长".repeat(74)}…` },
    });
  });
});

describe("progressLine", () => {
  it.each([
    [{ done: 3, total: 10 }, "已完成 3/10 项 ▰▰▰▱▱▱▱▱▱▱ 30%"],
    [{ done: 2, total: 3 }, "已完成 2/3 项 ▰▰▰▰▰▰▰▱▱▱ 67%"],
    [{ done: 7, total: 7 }, "已完成 7/7 项 ▰▰▰▰▰▰▰▰▰▰ 100%"],
    [{ done: 0, total: 0 }, "已完成 0/0 项 ▱▱▱▱▱▱▱▱▱▱ 0%"],
  ])("%j → %s", (p, line) => {
    expect(progressLine(p)).toBe(line);
  });
});
