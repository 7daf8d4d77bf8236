import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import type { SectionId } from "../core/sections.ts";
import type { TemplateFamily } from "./draft-types.ts";
import { officerSection } from "./officer-text.ts";
import { pending } from "./pending.ts";

/** Where a needed fact shows in the draft: a narrative section, the title, or the 自评表. */
export type NeedPlace = SectionId | "title" | "self_evaluation";

/**
 * A fact the officer has not given that a part of the draft needs: the draft marks it
 * 〔待补充：what〕; the chat can ask `question` (with `example`) before drafting and store the
 * answer at `key` (a report path such as "unit.parent", or "narrative.<id>" for a section's text).
 */
export interface SectionNeed {
  sectionId: NeedPlace;
  key: string;
  /** What the marker says is missing: "自评工作如何组织（组织形式、时间、参与人员、资料核查方式）". */
  what: string;
  question: string;
  example: string;
}

/** The needs of sections only the officer can write: how the evaluation went, how results are used, lessons, other notes. */
export const NARRATIVE_NEEDS: Readonly<Partial<Record<SectionId, Omit<SectionNeed, "sectionId" | "key">>>> = {
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

function narrativeNeeds(report: Report, family: TemplateFamily, findings: readonly Finding[]): SectionNeed[] {
  return family.sections
    .filter((s) => s.drafted)
    .flatMap(({ id }) => {
      const need = NARRATIVE_NEEDS[id];
      if (need === undefined) return [];
      if (officerSection({ report, findings: [...findings] }, id)?.substantive === true) return [];
      return [{ sectionId: id, key: `narrative.${id}`, ...need }];
    });
}

const blank = (text: string | undefined) => text === undefined || text.trim() === "";

function reportNeeds(report: Report): SectionNeed[] {
  const needs: SectionNeed[] = [];
  if (report.kind === "project" && blank(report.project)) {
    needs.push({
      sectionId: "title",
      key: "project",
      what: "项目名称",
      question: "项目的名称是？",
      example: "政务网等运行维护费",
    });
  }
  if (report.kind === "project" && blank(report.unit.parent)) {
    needs.push({
      sectionId: "self_evaluation",
      key: "unit.parent",
      what: "主管部门",
      question: "项目的主管部门是？",
      example: "宁德市人民政府办公室",
    });
  }
  const about = report.kind === "project" ? "年度总体目标" : "年度履职目标";
  if (blank(report.goals.text)) {
    needs.push({
      sectionId: "duties",
      key: "goals.text",
      what: about,
      question: `${about}是什么？`,
      example: "保障全市电子政务外网和政府网站全年稳定运行",
    });
  }
  if (blank(report.goals.status)) {
    needs.push({
      sectionId: "duties",
      key: "goals.status",
      what: `${about}的实际完成情况`,
      question: `${about}实际完成得怎么样？`,
      example: "电子政务外网全年正常运行，未发生重大安全事故",
    });
  }
  return needs;
}

function indicatorNeeds(report: Report): SectionNeed[] {
  return report.indicators.flatMap((block, b) =>
    block.groups.flatMap((group, g) =>
      group.indicators.flatMap((ind, i): SectionNeed[] => {
        if (ind.target === undefined || !blank(ind.actual)) return [];
        const target = ind.target.text;
        return [
          {
            sectionId: "self_evaluation",
            key: `indicators[${b}].groups[${g}].indicators[${i}].actual`,
            what: `“${ind.name}”的实际完成值`,
            question: `三级指标“${ind.name}”（指标值${target}）实际完成了多少？`,
            example: ind.target.kind === "quantitative" ? target.replace(/^[≥≤<>＞＜=]+/u, "") : "达成",
          },
        ];
      }),
    ),
  );
}

/**
 * What the officer still has to give for an honest draft of `report` in `family`, in the order the
 * draft prints it: the project name (title), 主管部门 and each 实际完成值 never given (自评表), the
 * year's goals and their completion, and the sections only the officer can write (自评工作开展情况,
 * 结果应用和公开, 经验和建议, 其他需要说明的情况) that the family drafts and the report has no
 * substantive text for (`findings` disqualify copied or stock text, as in the drafter). Each is
 * marked 〔待补充：what〕 in the draft until given. Pure.
 */
export function sectionNeeds(
  report: Report,
  family: TemplateFamily,
  findings: readonly Finding[] = [],
): SectionNeed[] {
  return [...reportNeeds(report), ...indicatorNeeds(report), ...narrativeNeeds(report, family, findings)];
}
