import { describe, expect, it } from "vitest";
import { beijingDate, type HomeReport, homeView } from "../../../../src/adapters/slack/blocks/home-view.ts";

const top = [
  { type: "header", text: { type: "plain_text", text: "ziping 自评 · 我的报告" } },
  {
    type: "context",
    elements: [
      { type: "mrkdwn", text: "在与 ziping 的私信里说“新建报告”，或在频道里 @ziping，或用 /ziping new" },
    ],
  },
  {
    type: "actions",
    elements: [
      {
        type: "button",
        text: { type: "plain_text", text: "新建报告" },
        action_id: "ziping.home.new",
        value: '{"k":"home"}',
        style: "primary",
      },
    ],
  },
  { type: "divider" },
];

const footer = (text: string) => [
  { type: "divider" },
  { type: "context", elements: [{ type: "mrkdwn", text }] },
];

const report = (id: string, over: Partial<HomeReport> = {}): HomeReport => ({
  id,
  unitName: "郑州市金水区电子政务中心",
  year: 2021,
  kind: "department",
  progressDone: 40,
  progressTotal: 45,
  score: 92.714,
  grade: "优",
  updatedAt: "2026-11-20T03:00:00.000Z",
  ...over,
});

const buttons = (id: string) => ({
  type: "actions",
  elements: [
    {
      type: "button",
      text: { type: "plain_text", text: "继续填写" },
      action_id: "ziping.home.continue",
      value: `{"k":"home","r":"${id}"}`,
    },
    {
      type: "button",
      text: { type: "plain_text", text: "下载报告" },
      action_id: "ziping.home.download",
      value: `{"k":"home","r":"${id}"}`,
    },
  ],
});

describe("homeView", () => {
  it("shows an empty state with no reports", () => {
    expect(homeView({ userId: "T1:U1", reports: [], units: [] })).toEqual({
      type: "home",
      blocks: [
        ...top,
        { type: "section", text: { type: "mrkdwn", text: "还没有报告。" } },
        ...footer(
          "您的用户编号：T1:U1；所属单位：（无）。管理员可用 ziping units add &lt;单位名称&gt; &lt;用户编号&gt; 授权查看本单位的报告。",
        ),
      ],
    });
  });

  it("lists two reports with their buttons, unknown values as （未填） and —", () => {
    const unknown = report("r2", {
      unitName: null,
      year: null,
      kind: null,
      progressDone: 0,
      progressTotal: 12,
      score: null,
      grade: null,
      updatedAt: "2026-11-20T20:30:00.000Z",
    });
    expect(
      homeView({ userId: "T1:U1", reports: [report("r1"), unknown], units: ["金水区电子政务中心", "A&B"] }),
    ).toEqual({
      type: "home",
      blocks: [
        ...top,
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*郑州市金水区电子政务中心 2021年度 部门整体*\n进度 40/45 · 得分 92.71（优） · 更新于 2026-11-20",
          },
        },
        buttons("r1"),
        {
          type: "section",
          text: { type: "mrkdwn", text: "*（未填）*\n进度 0/12 · 得分 — · 更新于 2026-11-21" },
        },
        buttons("r2"),
        ...footer(
          "您的用户编号：T1:U1；所属单位：金水区电子政务中心、A&amp;B。管理员可用 ziping units add &lt;单位名称&gt; &lt;用户编号&gt; 授权查看本单位的报告。",
        ),
      ],
    });
  });

  it("lists the first 20 of 25 reports and counts the rest, under 100 blocks", () => {
    const reports = Array.from({ length: 25 }, (_, i) => report(`r${i + 1}`, { kind: "project" }));
    const view = homeView({ userId: "T1:U1", reports, units: [] });
    expect(view.blocks).toHaveLength(4 + 40 + 1 + 2);
    const ids = view.blocks.flatMap((b) =>
      b.type === "actions" && "elements" in b
        ? b.elements.flatMap((e) => ("value" in e ? [e.value] : []))
        : [],
    );
    expect(ids.filter((v) => v?.includes('"r"'))).toHaveLength(40);
    expect(ids.at(-1)).toBe('{"k":"home","r":"r20"}');
    expect(view.blocks[44]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "还有 5 份较早的报告，发送“我的报告”查看全部。" }],
    });
    expect(view.blocks[4]).toMatchObject({ text: { text: expect.stringContaining("2021年度 项目支出") } });
  });
});

describe("beijingDate", () => {
  it.each([
    ["2026-11-20T15:59:59.000Z", "2026-11-20"],
    ["2026-11-20T16:00:00.000Z", "2026-11-21"],
    ["昨天", "昨天"],
  ])("%s → %s", (iso, date) => {
    expect(beijingDate(iso)).toBe(date);
  });
});
