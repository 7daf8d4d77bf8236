import type { SectionId } from "../../core/sections.ts";

/**
 * Which section a heading names, by the words it contains. Headings differ per template (Henan
 * "（一）部门资金情况分析", Hunan "(一)基本支出"), so this is a table, not code. Entries are tried in
 * order and the first entry with a keyword inside the heading wins: specific phrases come before
 * the general ones they contain ("问题和改进措施" before "改进措施", "投入管理指标" before "绩效情况").
 * Keywords are matched against the heading without its number and without spaces.
 */
const SECTION_KEYWORDS: readonly { id: SectionId; keywords: readonly string[] }[] = [
  {
    id: "problems_measures",
    keywords: ["问题和改进措施", "问题及改进措施", "问题与改进措施", "问题和整改措施", "问题及整改措施"],
  },
  {
    id: "experience",
    keywords: [
      "经验、问题和建议",
      "经验、问题及建议",
      "先进经验",
      "经验及做法",
      "经验和做法",
      "经验做法",
      "主要经验",
      "好的做法",
    ],
  },
  { id: "other", keywords: ["其他需要说明", "其它需要说明", "其他需说明", "其他说明事项", "其他事项"] },
  { id: "application", keywords: ["应用和公开", "应用及公开", "应用与公开", "结果应用", "结果运用"] },
  { id: "grade_statement", keywords: ["评价等级"] },
  {
    id: "conclusion",
    keywords: [
      "综合评价结论",
      "评价结论",
      "自评结论",
      "综合评价情况",
      "自评得分情况",
      "评价得分情况",
      "总体评价",
    ],
  },
  {
    id: "process",
    keywords: [
      "自评工作开展",
      "评价工作开展",
      "自评工作组织",
      "自评工作情况",
      "评价工作情况",
      "自评工作过程",
      "评价工作过程",
      "自评组织",
      "评价组织",
    ],
  },
  // 2013 common framework: 决策 (投入) / 过程 / 产出 / 效益, each analysed under its own heading.
  { id: "analysis_input", keywords: ["投入管理指标", "投入指标", "项目决策", "决策情况", "决策指标"] },
  { id: "analysis_output", keywords: ["产出指标", "项目产出", "产出情况"] },
  { id: "analysis_outcome", keywords: ["效益指标", "效果指标", "项目效益", "效益情况", "效果情况"] },
  { id: "problems", keywords: ["存在的主要问题", "存在问题", "存在的问题", "主要问题", "问题及原因"] },
  {
    id: "measures",
    keywords: ["改进措施", "整改措施", "改进建议", "有关建议", "相关建议", "意见建议", "改进意见", "下一步"],
  },
  // Before the targets: "绩效目标实现情况" also names 绩效目标.
  { id: "analysis", keywords: ["目标实现情况", "目标完成情况", "指标完成情况", "评价指标分析"] },
  {
    id: "targets",
    keywords: [
      "绩效指标设置",
      "绩效指标设定",
      "绩效目标与指标",
      "绩效目标和指标",
      "绩效目标及指标",
      "绩效目标、绩效指标",
      "项目绩效目标",
      "绩效目标设定",
      "绩效目标设置",
      "目标分解下达",
    ],
  },
  {
    id: "organization",
    keywords: ["组织机构", "机构设置", "人员情况", "人员编制", "编制情况", "单位构成", "内设机构"],
  },
  { id: "plan", keywords: ["重点工作计划", "年度工作计划"] },
  { id: "spending_scope", keywords: ["支出规模", "使用方向"] },
  { id: "funds_basic", keywords: ["基本支出"] },
  { id: "funds_project", keywords: ["项目支出"] },
  { id: "implementation", keywords: ["组织实施"] },
  { id: "assets", keywords: ["资产管理"] },
  {
    id: "funds",
    keywords: [
      "资金情况",
      "资金管理及使用",
      "资金使用情况",
      "预算执行情况",
      "收支情况",
      "整体支出情况",
      "资金投入",
    ],
  },
  { id: "analysis", keywords: ["绩效目标实现情况", "绩效指标完成情况", "支出绩效情况", "绩效情况分析"] },
  {
    id: "duties",
    keywords: [
      "履职目标",
      "主要任务",
      "总目标",
      "部门职能",
      "职能概述",
      "主要职能",
      "部门概况",
      "单位概况",
      "基本情况",
      "基本概况",
      "项目概况",
      "单位职责",
      "部门职责",
      "主要职责",
      "职能职责",
    ],
  },
];

/** The section a heading body names, or undefined when no keyword occurs in it. */
export function sectionIdOf(body: string): SectionId | undefined {
  const compact = body.replace(/\s+/g, "");
  return SECTION_KEYWORDS.find((entry) => entry.keywords.some((k) => compact.includes(k)))?.id;
}
