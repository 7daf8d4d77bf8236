import type { FieldDef } from "./field-values.ts";

/** A field with the words officers use for it (longest alias wins). */
export interface NamedField extends FieldDef {
  aliases: readonly string[];
}

const money = "561.41万元";

/**
 * Budget figures the officer may name anywhere in a message, as [label, aliases, path under budget,
 * example]: what the derived rates of a scheme (资金到位率, 到位及时率, 成本控制率, 固定资产利用率) read.
 */
const BUDGET_FIGURES: ReadonlyArray<[string, string[], string[], string]> = [
  ["实际到位资金", ["实际到位资金", "到位资金"], ["funds", "received"], "318.91万元"],
  ["按时到位资金", ["按时到位资金", "及时到位资金"], ["funds", "receivedOnTime"], "318.91万元"],
  ["预算成本", ["预算成本", "计划成本"], ["cost", "budget"], "150万元"],
  ["实际成本", ["实际成本"], ["cost", "actual"], "125.25万元"],
  ["固定资产总额", ["固定资产总额"], ["assets", "total"], "80万元"],
  ["在用固定资产", ["在用固定资产总额", "在用固定资产"], ["assets", "inUse"], "76万元"],
  ["计划投入资金", ["计划投入资金", "计划投入"], ["funds", "planned"], "318.91万元"],
];

/** Fields named on their own, anywhere in a message ("单位：…", "填表人刘媛媛"). */
export const GLOBAL_FIELDS: readonly NamedField[] = [
  {
    label: "单位名称",
    aliases: ["部门(单位)名称", "部门（单位）名称", "单位名称", "部门名称", "单位全称"],
    path: ["unit", "name"],
    type: "text",
    example: "郑州市金水区电子政务中心",
  },
  {
    label: "所在地区",
    aliases: ["所在地区", "所属地区", "地区", "所在地", "行政区划"],
    path: ["unit", "region"],
    type: "text",
    example: "河南省郑州市金水区",
  },
  {
    label: "主管部门",
    aliases: ["主管部门"],
    path: ["unit", "parent"],
    type: "text",
    example: "郑州市金水区财政局",
  },
  {
    label: "项目名称",
    aliases: ["项目名称"],
    path: ["project"],
    type: "text",
    example: "全区政务外网运维项目",
  },
  { label: "年度", aliases: ["报告年度", "评价年度", "年度"], path: ["year"], type: "year", example: "2021" },
  { label: "报告类型", aliases: ["报告类型", "评价类型"], path: ["kind"], type: "kind", example: "部门整体" },
  {
    label: "填表人",
    aliases: ["填表人", "填报人", "联系人"],
    path: ["preparer", "name"],
    type: "text",
    example: "刘媛媛",
  },
  {
    label: "联系电话",
    aliases: ["联系电话", "联系方式", "电话"],
    path: ["preparer", "phone"],
    type: "phone",
    example: "63526383",
  },
  {
    label: "年度履职目标",
    aliases: ["年度履职目标", "年度总体目标", "年度绩效目标"],
    path: ["goals", "text"],
    type: "text",
    example: "1. 推进电子政务发展；2. …",
  },
  {
    label: "目标完成情况",
    aliases: [
      "年度履职目标完成情况",
      "年度履职目标的实际完成情况",
      "年度总体目标完成情况",
      "年度总体目标的实际完成情况",
      "目标实际完成情况",
      "目标完成情况",
      "完成情况",
    ],
    path: ["goals", "status"],
    type: "text",
    example: "完成",
  },
  ...BUDGET_FIGURES.map(([label, aliases, path, example]) => ({
    label,
    aliases,
    path: ["budget", ...path],
    type: "money" as const,
    example,
  })),
  {
    label: "自评得分",
    aliases: ["自评得分", "自评总分", "最终得分", "总分"],
    path: ["summary", "total"],
    type: "points",
    example: "96",
  },
  {
    label: "自评结果",
    aliases: ["自评结果", "自评等级", "评价等级", "等级"],
    path: ["summary", "grade"],
    type: "grade",
    example: "优",
  },
];

/** The columns of a budget row, as officers name them. */
const rowFields = (prefix: readonly string[], who: string): NamedField[] => [
  {
    label: `${who}年初预算数`,
    aliases: ["年初预算数", "年初预算", "年初数", "年初"],
    path: [...prefix, "initial"],
    type: "money",
    example: money,
  },
  {
    label: `${who}调整后预算数`,
    aliases: ["调整后预算数", "调整后预算", "调整预算数", "调整预算后", "调整后", "全年预算数", "全年预算"],
    path: [...prefix, "adjusted"],
    type: "money",
    example: money,
  },
  {
    label: `${who}预算执行率`,
    aliases: ["预算执行率", "执行率"],
    path: [...prefix, "reportedRate"],
    type: "percent",
    example: "97%",
  },
  {
    label: `${who}预算执行数`,
    aliases: ["预算执行数", "预算执行金额", "执行金额", "执行数", "支出决算", "实际支出", "执行", "支出"],
    path: [...prefix, "executed"],
    type: "money",
    example: "545.06万元",
  },
];

/** A topic that the following clauses talk about ("三公经费预算0万元，实际支出0万元，控制率0%"). */
export interface Subject {
  words: RegExp;
  fields: readonly NamedField[];
}

const B = ["budget"] as const;

/** Budget topics; the first is the default (部门预算总额). */
export const SUBJECTS: readonly Subject[] = [
  {
    words: /^(部门)?预算(总额)?|^部门预算/,
    fields: [
      ...rowFields(B, ""),
      { label: "预算执行率分值", aliases: ["分值"], path: [...B, "weight"], type: "points", example: "10" },
      { label: "预算执行率得分", aliases: ["得分"], path: [...B, "score"], type: "points", example: "9" },
    ],
  },
  {
    words: /“?三公”?经费/,
    fields: [
      {
        label: "“三公”经费控制率",
        aliases: ["控制率", "率"],
        path: [...B, "threePublicExpenses", "reportedRate"],
        type: "percent",
        example: "0%",
      },
      {
        label: "“三公”经费预算数",
        aliases: ["年初预算数", "年初预算", "预算数", "预算"],
        path: [...B, "threePublicExpenses", "budget"],
        type: "money",
        example: "12万元",
      },
      {
        label: "“三公”经费实际支出",
        aliases: ["实际支出", "决算数", "支出数", "支出", "实际"],
        path: [...B, "threePublicExpenses", "actual"],
        type: "money",
        example: "10.5万元",
      },
    ],
  },
  {
    words: /政府采购/,
    fields: [
      {
        label: "政府采购执行率",
        aliases: ["执行率", "率"],
        path: [...B, "procurement", "reportedRate"],
        type: "percent",
        example: "100%",
      },
      {
        label: "政府采购预算数",
        aliases: ["预算数", "计划数", "预算", "计划"],
        path: [...B, "procurement", "budget"],
        type: "money",
        example: "40万元",
      },
      {
        label: "政府采购实际金额",
        aliases: ["实际采购", "实际", "执行数", "采购金额"],
        path: [...B, "procurement", "actual"],
        type: "money",
        example: "38万元",
      },
    ],
  },
  {
    words: /结转结余/,
    fields: [
      {
        label: "结转结余率",
        aliases: ["结转结余率", "率"],
        path: [...B, "carryover", "reportedRate"],
        type: "percent",
        example: "0%",
      },
      {
        label: "结转结余金额",
        aliases: ["金额", "数额", "结转结余"],
        path: [...B, "carryover", "amount"],
        type: "money",
        example: "0万元",
      },
    ],
  },
  { words: /财政(性)?资金/, fields: rowFields([...B, "sources", "fiscal"], "财政性资金") },
  { words: /其他资金/, fields: rowFields([...B, "sources", "other"], "其他资金") },
  { words: /基本支出/, fields: rowFields([...B, "structure", "basic"], "基本支出") },
  { words: /项目支出(?=.*(预算|执行|支出))/, fields: rowFields([...B, "structure", "project"], "项目支出") },
];

/** Every named field, for corrections ("把预算执行数改成545.06"). Default-subject budget fields first. */
export const ALL_FIELDS: readonly NamedField[] = [...GLOBAL_FIELDS, ...SUBJECTS.flatMap((s) => s.fields)];
