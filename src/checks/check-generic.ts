import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { SECTION_RULES } from "./data/section-rules.ts";
import { STOCK_PHRASES } from "./data/stock-phrases.ts";
import { type Deductions, deductionText } from "./deductions.ts";
import { itemNames, ownNames, unitKeywords } from "./report-terms.ts";
import {
  compact,
  isEmptyAnswer,
  type SectionRef,
  sectionFinding,
  sectionName,
  withoutListMarkers,
} from "./section-text.ts";

/** Each stock phrase compacted, with the phrase as written for messages. */
const PHRASES = new Map(STOCK_PHRASES.phrases.map((p) => [compact(p), p] as const));

/** How much of a section is stock phrases, and which ones (most characters first). */
interface StockCoverage {
  /** Characters of the compacted text (letters, digits, CJK). */
  length: number;
  /** Share of those characters inside some stock phrase, 0–1. */
  coverage: number;
  phrases: string[];
}

/** Measures stock-phrase coverage of a text, list numbers removed. */
function stockCoverage(text: string): StockCoverage {
  const body = compact(withoutListMarkers(text));
  const covered = new Array<boolean>(body.length).fill(false);
  const found: string[] = [];
  for (const [phrase, written] of PHRASES) {
    let at = body.indexOf(phrase);
    if (at >= 0) found.push(written);
    while (at >= 0) {
      covered.fill(true, at, at + phrase.length);
      at = body.indexOf(phrase, at + 1);
    }
  }
  const share = body.length === 0 ? 0 : covered.filter(Boolean).length / body.length;
  const longest = found
    .sort((a, b) => b.length - a.length)
    .filter((p, i, all) => !all.slice(0, i).some((q) => compact(q).includes(compact(p))));
  return { length: body.length, coverage: share, phrases: longest };
}

/**
 * What makes a section specific: a figure (not a year or a list number), a task, indicator or
 * project name, or a word of the unit's business (its own name is masked first: "市数据资源中心加强…"
 * is still a stock sentence). Returns the first anchor found.
 */
function specificAnchor(text: string, report: Report): string | undefined {
  let body = compact(withoutListMarkers(text));
  for (const own of ownNames(report)) body = body.split(own).join("|");
  const figure = body.replace(/\d{4}年度?/g, "").match(/\d+(\.\d+)?/);
  if (figure) return figure[0];
  const min = STOCK_PHRASES.minAnchorLength;
  return [...itemNames(report, min), ...unitKeywords(report, min)].find((n) => body.includes(n));
}

/**
 * narrative.generic: a 问题 / 措施 / 经验 section made mostly of stock phrases ("加强预算管理",
 * "细化项目管理", "为经济社会持续健康发展提供有力保障") with nothing specific to this unit. warn.
 */
export function checkGeneric(refs: readonly SectionRef[], report: Report, deductions: Deductions): Finding[] {
  return refs.flatMap((ref): Finding[] => {
    if (!SECTION_RULES.generic.includes(ref.id)) return [];
    if (isEmptyAnswer(ref.text, SECTION_RULES.emptyAnswers)) return [];
    const c = stockCoverage(ref.text);
    if (c.length < STOCK_PHRASES.minLength || c.coverage < STOCK_PHRASES.minCoverage) return [];
    if (specificAnchor(ref.text, report) !== undefined) return [];
    const examples = c.phrases
      .slice(0, 3)
      .map((p) => `“${p}”`)
      .join("");
    const lost = deductionText(deductions);
    const problems = SECTION_RULES.problems.includes(ref.id);
    const ask = problems
      ? `请写明本单位具体的问题${lost === "" ? "" : `，逐项说明失分原因（${lost}）`}，措施要落到具体事项、责任和时间。`
      : "请写明本单位的具体做法、问题或建议，落到具体事项。";
    return [
      sectionFinding(
        "narrative.generic",
        "warn",
        ref,
        ref.text,
        `${sectionName(ref)}基本是套话（如${examples}），没有数字、指标或任务名称，也没有本单位业务的具体内容。${ask}`,
        { actual: `套话占${Math.round(c.coverage * 100)}%` },
      ),
    ];
  });
}
