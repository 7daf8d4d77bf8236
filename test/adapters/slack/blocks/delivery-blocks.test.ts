import { describe, expect, it } from "vitest";
import {
  type DeliverySummary,
  deliveryFailed,
  deliverySummary,
  helpText,
  placeholderMessage,
} from "../../../../src/adapters/slack/blocks/delivery-blocks.ts";

const sec = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
const ctx = (text: string) => ({ type: "context", elements: [{ type: "mrkdwn", text }] });

const summary: DeliverySummary = {
  title: "郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告",
  score: 92.71,
  grade: "优",
  reportedScore: 96,
  lost: [
    { item: "效益", points: 5 },
    { item: "预算执行率", points: 1 },
  ],
  drafter: "规则起草（未用模型）",
  scheme: "郑州市部门整体支出绩效评价指标体系",
  officerSections: 0,
  fontMissing: false,
  replaced: [],
  findings: [
    { level: "info", code: "narrative.stock", text: "“取得了显著成效”是套话" },
    { level: "error", code: "arith.sum", text: "分项合计 98 分 ≠ 总分 96 分" },
    { level: "warn", code: "budget.rate", text: "执行率 97% 与 545.06/561.41 不符 <97.09%>" },
  ],
  missing: ["联系电话", "第5个指标的实际完成值"],
  files: ["a.docx", "a.md"],
};

describe("delivery messages", () => {
  it("posts a placeholder while drafting", () => {
    expect(placeholderMessage()).toEqual({
      text: "正在生成报告（Markdown 与 Word）……",
      blocks: [sec(":hourglass_flowing_sand: 正在生成报告（Markdown 与 Word）……")],
    });
  });

  it("summarises score, lost points, files, findings by severity and what is missing", () => {
    expect(deliverySummary(summary)).toEqual({
      text: "郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告：得分 92.71 分（优）",
      blocks: [
        { type: "header", text: { type: "plain_text", text: summary.title } },
        sec("*得分（按规则）*：92.71 分（优），报告原填 96 分"),
        sec("*失分*\n· 效益 失 5 分\n· 预算执行率 失 1 分"),
        ctx("起草：规则起草（未用模型） · 文件：a.docx、a.md"),
        sec(
          [
            "*核查发现*",
            "*错误*",
            "· 分项合计 98 分 ≠ 总分 96 分",
            "*警告*",
            "· 执行率 97% 与 545.06/561.41 不符 &lt;97.09%&gt;",
            "*提示*",
            "· “取得了显著成效”是套话",
          ].join("\n"),
        ),
        sec("待补充：联系电话、第5个指标的实际完成值"),
      ],
    });
  });

  it("names the sections drafted from the data because the model's text failed the checks, and why", () => {
    const replaced = [
      {
        section: "五、发现的主要问题和改进措施",
        reasons: [
          "“本单位自评得分100分”写了100分，但按评分规则总得分是92.71分",
          "比率“100%”不是执行率",
          "第三条",
        ],
      },
      { section: "七、其他需要说明的问题", reasons: ["模型调用失败（llm.server）"] },
    ];
    const blocks = deliverySummary({ ...summary, replaced }).blocks;
    expect(blocks[4]).toEqual(
      sec(
        [
          "*以下章节的模型稿未采用，已按数据起草*",
          "· 五、发现的主要问题和改进措施：“本单位自评得分100分”写了100分，但按评分规则总得分是92.71分；比率“100%”不是执行率 等 3 条",
          "· 七、其他需要说明的问题：模型调用失败（llm.server）",
        ].join("\n"),
      ),
    );
  });

  it("leaves out the report's own total when it agrees, and empty parts", () => {
    const plain = deliverySummary({
      ...summary,
      score: 96,
      grade: null,
      reportedScore: 96,
      lost: [],
      findings: [],
      missing: [],
      files: [],
    });
    expect(plain.blocks.slice(1)).toEqual([
      sec("*得分（按规则）*：96 分"),
      ctx("起草：规则起草（未用模型） · 文件：（无）"),
    ]);
    expect(plain.text).toBe("郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告：得分 96 分");
  });

  it("says when the score cannot be computed", () => {
    const s = deliverySummary({ ...summary, score: null, grade: null, lost: [], findings: [], missing: [] });
    expect(s.blocks[1]).toEqual(sec("*得分（按规则）*：暂无法计算"));
    expect(s.text).toBe("郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告：报告已生成");
  });

  it("shows at most 15 lost points and 20 findings, then counts the rest", () => {
    const s = deliverySummary({
      ...summary,
      lost: Array.from({ length: 18 }, (_, i) => ({ item: `指标${i + 1}`, points: 0.5 })),
      findings: [
        ...Array.from({ length: 18 }, (_, i) => ({
          level: "warn" as const,
          code: "w",
          text: `警告${i + 1}`,
        })),
        ...Array.from({ length: 5 }, (_, i) => ({
          level: "error" as const,
          code: "e",
          text: `错误${i + 1}`,
        })),
      ],
      missing: [],
    });
    const texts = s.blocks.map((b) => (b.type === "section" ? (b.text?.text ?? "") : ""));
    expect(texts[2]?.split("\n")).toEqual([
      "*失分*",
      ...Array.from({ length: 15 }, (_, i) => `· 指标${i + 1} 失 0.5 分`),
      "等 3 项",
    ]);
    expect(texts[4]?.split("\n")).toEqual([
      "*核查发现*",
      "*错误*",
      ...Array.from({ length: 5 }, (_, i) => `· 错误${i + 1}`),
      "*警告*",
      ...Array.from({ length: 15 }, (_, i) => `· 警告${i + 1}`),
      "另有 3 条，见 Markdown 附：核查发现",
    ]);
  });

  it("replaces the placeholder with the failure", () => {
    expect(deliveryFailed("模板 <henan> 不存在")).toEqual({
      text: "生成报告失败：模板 &lt;henan&gt; 不存在",
      blocks: [sec(":x: 生成报告失败：模板 &lt;henan&gt; 不存在")],
    });
  });
});

describe("helpText", () => {
  it("lists the /ziping subcommands and what the DM accepts", () => {
    expect(helpText()).toEqual({
      text: "ziping 使用帮助",
      blocks: [
        sec(
          [
            "*ziping 使用帮助*",
            "`/ziping new`　新建报告",
            "`/ziping continue [编号]`　继续填写（不带编号列出我的报告）",
            "`/ziping status`　进度",
            "`/ziping score`　现在多少分",
            "`/ziping why`　为什么扣分",
            "`/ziping draft`　生成报告（上传 Word 和 Markdown）",
            "`/ziping check`　核查（算术、空话套话、前后矛盾、抄袭）",
            "`/ziping help`　帮助",
          ].join("\n"),
        ),
        ctx("在与 ziping 的私信里可以直接打字回答、粘贴表格，或上传 .xlsx、.docx、.txt 文件。"),
      ],
    });
  });
});
