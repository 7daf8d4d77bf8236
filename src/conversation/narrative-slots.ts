import type { SectionId } from "../core/sections.ts";

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
  question: "自评工作是怎样开展的？（组织、资料收集、核查、问卷调查等，几句话即可）",
  example: "成立自评工作组，3月收集8个项目的资料并现场核查，发放满意度问卷120份",
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
  question: "自评结果准备怎样应用和公开？",
  example: "随2021年度部门决算在政务公开网公开，问题整改结果纳入下年度预算安排",
};

/**
 * Which narrative sections each scheme's template family asks for; keyed by scheme id prefix, the
 * first matching prefix wins. The other sections are pasted or drafted from the facts.
 */
export const NARRATIVE_SLOTS: ReadonlyArray<{ prefix: string; slots: readonly NarrativeSlot[] }> = [
  { prefix: "henan-", slots: [PROCESS, PROBLEMS_MEASURES, APPLICATION] },
  {
    prefix: "hunan-department",
    slots: [
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
    ],
  },
  { prefix: "", slots: [PROBLEMS_MEASURES] },
];

/** The narrative slots for a scheme id (or the default family when none is chosen yet). */
export function narrativeSlotsFor(schemeId: string | undefined): readonly NarrativeSlot[] {
  return NARRATIVE_SLOTS.find((f) => (schemeId ?? "").startsWith(f.prefix))?.slots ?? [PROBLEMS_MEASURES];
}
