import type { SectionId } from "../core/sections.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { textAt } from "./draft-access.ts";
import type { Json } from "./patch.ts";

/** A narrative section the conversation asks for, with the heading it gets when typed as an answer. */
export interface NarrativeSlot {
  id: SectionId;
  title: string;
  question: string;
  example: string;
}

const PROCESS: NarrativeSlot = {
  id: "process",
  title: "二、绩效自评工作开展情况",
  question: "这次自评工作是怎样组织开展的？（谁牵头、哪些人参加、什么时间、怎样收集和核查资料，几句话即可）",
  example: "由财务科牵头、业务科室参加，3月收集合同、验收单和运维记录逐项核对，4月完成自评",
};
const PROBLEMS_MEASURES: NarrativeSlot = {
  id: "problems_measures",
  title: "五、发现的主要问题和改进措施",
  question: "自评中发现了哪些问题？准备采取什么改进措施？（请写具体问题，不要只写“无”）",
  example: "安可替代工程硬件到货延迟，执行率仅75.28%；下年度提前启动采购并按月跟踪进度",
};
const APPLICATION: NarrativeSlot = {
  id: "application",
  title: "六、绩效自评结果拟应用和公开情况",
  question: "自评结果准备怎样应用？在哪里、什么时候公开？",
  example: "失分问题列入整改清单6月底前整改完毕；自评报告随部门决算在本单位门户网站公开",
};
const EXPERIENCE: NarrativeSlot = {
  id: "experience",
  title: "七、绩效自评工作的经验、问题和建议",
  question: "这次自评工作有哪些经验和建议？",
  example: "对照合同逐项核对运维记录，数据有据可查；建议下年度把运维响应时间写成可量化的指标",
};
const OTHER: NarrativeSlot = {
  id: "other",
  title: "八、其他需要说明的问题",
  question: "还有其他需要向财政部门说明的情况吗？没有请回答“没有其他需要说明的情况”。",
  example: "运维合同于11月续签，12月服务费跨年支付",
};

/**
 * The narrative sections each template family needs from the officer (facts only the officer has:
 * how the evaluation was organised, the problems, how results are used and published, lessons):
 * asked before drafting, so the draft needs no stock text. Keyed by family id (templates/<id>.json);
 * the other sections are pasted or drafted from the facts.
 */
export const NARRATIVE_SLOTS: Readonly<Record<string, readonly NarrativeSlot[]>> = {
  project: [PROBLEMS_MEASURES, PROCESS, APPLICATION, EXPERIENCE],
  "henan-department": [PROCESS, PROBLEMS_MEASURES, APPLICATION, EXPERIENCE, OTHER],
  "hunan-department": [
    {
      id: "problems",
      title: "六、存在的问题",
      question: "部门整体支出中存在哪些问题？",
      example: PROBLEMS_MEASURES.example,
    },
    {
      id: "measures",
      title: "七、改进措施和有关建议",
      question: "针对这些问题，准备采取什么改进措施？",
      example: "下年度提前启动采购并按月跟踪进度",
    },
    {
      id: "experience",
      title: "八、单位在资金管理、项目管理等方面的先进经验及做法",
      question: "单位在资金管理、项目管理等方面有哪些好的经验和做法？",
      example: "项目资金专账核算、按合同节点支付，全年无超范围支出",
    },
  ],
};

/**
 * The family a draft is written in: its scheme's template, else the default of its kind (as the
 * drafter does).
 */
export function familyOfDraft(doc: Json, schemes: readonly Scheme[]): string {
  const schemeId = textAt(doc, ["schemeId"]);
  const template = schemes.find((s) => s.id === schemeId)?.template;
  return template ?? (textAt(doc, ["kind"]) === "department" ? "henan-department" : "project");
}

/** The narrative slots for a template family (the project family's when unknown). */
export function narrativeSlotsFor(family: string): readonly NarrativeSlot[] {
  return NARRATIVE_SLOTS[family] ?? [PROBLEMS_MEASURES];
}
