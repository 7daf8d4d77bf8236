import type { SectionId } from "../core/sections.ts";
import { pending } from "./pending.ts";

/**
 * What a section only the officer can write needs: the draft marks it 〔待补充：what〕 until given;
 * `question` (with `example`) is how to ask for it.
 */
export interface SectionNeed {
  /** What the marker says is missing: "自评工作如何组织（组织形式、时间、参与人员、资料核查方式）". */
  what: string;
  question: string;
  example: string;
}

/** The needs of sections only the officer can write: how the evaluation went, how results are used, lessons, other notes. */
export const NARRATIVE_NEEDS: Readonly<Partial<Record<SectionId, SectionNeed>>> = {
  process: {
    what: "自评工作如何组织（组织形式、时间、参与人员、资料收集和核查方式）",
    question:
      "这次自评工作是怎样组织开展的？（谁牵头、哪些人参加、什么时间、怎样收集和核查资料，几句话即可）",
    example: "由财务科牵头、业务科室参加，3月收集合同、验收单和运维记录逐项核对，4月完成自评",
  },
  application: {
    what: "自评结果如何应用（问题整改、预算安排）和如何公开（公开方式、时间）",
    question: "自评结果准备怎样应用？在哪里、什么时候公开？",
    example: "失分问题列入整改清单6月底前整改完毕；自评报告随部门决算在本单位门户网站公开",
  },
  experience: {
    what: "本次自评工作的经验和建议",
    question: "这次自评工作有哪些经验和建议？",
    example: "对照合同逐项核对运维记录，数据有据可查；建议下年度把运维响应时间写成可量化的指标",
  },
  other: {
    what: "其他需要说明的情况（没有的写明“无其他需要说明的情况”）",
    question: "还有其他需要向财政部门说明的情况吗？没有请回答“没有其他需要说明的情况”。",
    example: "运维合同于11月续签，12月服务费跨年支付",
  },
};

/** The marker a writer puts for the officer's part of section `id`: 〔待补充：…〕. */
export function narrativeMarker(id: SectionId): string {
  return pending(NARRATIVE_NEEDS[id]?.what ?? "");
}
