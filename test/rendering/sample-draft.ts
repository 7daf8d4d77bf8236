import type { DraftBlock, InlineRun } from "../../src/rendering/draft-blocks.ts";
import type { ReportView, ViewCell } from "../../src/rendering/report-view.ts";

/**
 * A small hand-made draft for the Word tests: a view with a 自评表 (a 部门名称 header spanning two
 * columns, a 产出指标 cell spanning three rows, a 合计 row spanning three columns) and a summary
 * table, and the blocks a template renders from it.
 */

const th = (text: string, span: Partial<ViewCell> = {}): ViewCell => ({ text, bold: true, ...span });
const td = (text: string, span: Partial<ViewCell> = {}): ViewCell => ({ text, ...span });

export const SAMPLE_TITLE = "郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告";

/** The rows of the sample 自评表 as the docx reader gives them back (merged positions blank). */
export const SELF_EVALUATION_READ_BACK = [
  ["部门（单位）名称", "", "郑州市金水区电子政务中心", "", ""],
  ["一级指标", "二级指标", "三级指标", "分值", "得分"],
  ["产出指标", "数量指标", "政务网络运维保障单位数", "10", "10"],
  ["", "质量指标", "系统正常运行率", "10", "9"],
  ["", "时效指标", "故障响应及时率", "10", "10"],
  ["合计", "", "", "30", "29"],
];

export const SAMPLE_VIEW: ReportView = {
  title: SAMPLE_TITLE,
  unit: "郑州市金水区电子政务中心",
  year: 2021,
  kindLabel: "部门整体",
  familyId: "henan-department",
  schemeName: "河南郑州区县部门整体",
  score: "96.67",
  grade: "优",
  header: [
    { label: "部门（单位）名称", value: "郑州市金水区电子政务中心" },
    { label: "自评得分", value: "96.67" },
  ],
  sections: {},
  authors: {},
  tables: {
    self_evaluation: {
      id: "self_evaluation",
      title: "部门整体绩效自评表",
      note: "（2021年度）　单位：万元",
      widths: [14, 14, 36, 18, 18],
      rows: [
        [th("部门（单位）名称", { colSpan: 2 }), td("郑州市金水区电子政务中心", { colSpan: 3 })],
        [th("一级指标"), th("二级指标"), th("三级指标"), th("分值"), th("得分")],
        [td("产出指标", { rowSpan: 3 }), td("数量指标"), td("政务网络运维保障单位数"), td("10"), td("10")],
        [td("质量指标"), td("系统正常运行率"), td("10"), td("9")],
        [td("时效指标"), td("故障响应及时率"), td("10"), td("10")],
        [th("合计", { colSpan: 3 }), th("30"), th("29")],
      ],
    },
    summary: {
      id: "summary",
      title: "各项指标得分情况表",
      note: "单位：分",
      widths: [30, 20, 30, 20],
      rows: [
        [th("指标"), th("权重分值"), th("得分"), th("得分率")],
        [td("产出指标"), td("30"), td("29"), td("96.67%")],
        [th("合计"), th("30"), th("29"), th("96.67%")],
      ],
    },
  },
  chart: [{ name: "产出指标", points: 29, weight: 30, rate: 96.67 }],
  findings: [],
  missing: [],
  drafter: "确定性起草",
};

const plain = (text: string): InlineRun => ({ text, bold: false });
const bold = (text: string): InlineRun => ({ text, bold: true });
const heading = (level: 1 | 2 | 3 | 4, text: string): DraftBlock => ({
  type: "heading",
  level,
  runs: [plain(text)],
});

/**
 * The blocks of the sample draft as a template renders them: headings, a paragraph with bold
 * figures, the 自评表 and summary tables of `view`, the chart (its data as a two-column table) and
 * a list.
 */
export function sampleBlocks(view: ReportView = SAMPLE_VIEW): DraftBlock[] {
  const table = (id: string): DraftBlock => {
    const t = view.tables[id];
    if (t === undefined) throw new Error(`sample table ${id} missing`);
    return { type: "table", table: t };
  };
  return [
    heading(1, SAMPLE_TITLE),
    heading(2, "一、基本情况"),
    heading(3, "（一）部门年度履职目标及主要任务"),
    {
      type: "paragraph",
      runs: [
        plain(
          "郑州市金水区电子政务中心负责全区电子政务网络的建设、运行和维护，保障全区各单位政务网络安全稳定运行。2021年全年预算执行数",
        ),
        bold("545.06万元"),
        plain("，预算执行率"),
        bold("97.09%"),
        plain("。"),
      ],
    },
    table("self_evaluation"),
    heading(2, "三、综合评价结论"),
    {
      type: "paragraph",
      runs: [
        plain("经自评，本单位2021年度部门整体支出绩效自评得分为"),
        bold("96.67分"),
        plain("，自评等级为"),
        bold("优"),
        plain("。"),
      ],
    },
    table("summary"),
    {
      type: "chart",
      rows: [
        ["指标", "得分率"],
        ["产出指标", "96.67%"],
      ],
    },
    heading(4, "1.产出指标情况分析"),
    { type: "paragraph", runs: [plain("系统正常运行率未达到年初目标，扣1分。")] },
    {
      type: "list",
      items: [
        [plain("个别时段网络设备故障，影响系统正常运行；")],
        [plain("运维人员不足，故障排查时间较长。")],
      ],
    },
  ];
}
