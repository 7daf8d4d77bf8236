import { hanNumber, parenList } from "../chinese-ordinals.ts";
import { forwardItems } from "../forward-measures.ts";
import { measureSentence } from "../measure-text.ts";
import { type ProblemItem, problemItems } from "../problem-items.ts";
import { problemSentence } from "../problem-text.ts";
import { dataIssueClauses } from "../report-data-issues.ts";
import { q, type SectionKit } from "../section-kit.ts";

/** One problem and its measure, texts with `[[key]]` figures. */
interface Pair {
  problem: string;
  measure: string;
  /** Short name for the measures list: “结转结余率”. */
  name: string;
}

function schemeClause(kit: SectionKit): string {
  return `经自评，${kit.unit}${kit.fig("year")}度按《${kit.card.schemeName}》${kit.verdict()}`;
}

function reportedClause(kit: SectionKit): string {
  const stated = kit.card.reported.total;
  if (stated === undefined || !kit.has("score.reported") || Math.abs(stated - kit.card.total) < 0.005)
    return "";
  return `；报告填报的自评得分为[[score.reported]]，与按规则计算的得分不一致`;
}

/** Report paths the listed problems already explain, so the data notes do not repeat them. */
function coveredPaths(items: readonly ProblemItem[]): Set<string> {
  const paths = new Set<string>();
  for (const item of items) {
    if (item.row !== undefined) paths.add(item.row.path);
    if (item.source === "structure") {
      for (const s of item.block.sources) paths.add(s);
      paths.add(`block:${item.block.name}`);
    }
  }
  return paths;
}

interface Plan {
  intro: string;
  pairs: Pair[];
  data: string[];
}

/** The problems of the report (or, with nothing lost, its weak spots) with their measures. */
function plan(kit: SectionKit): Plan {
  const items = problemItems(kit.card);
  const data = dataIssueClauses(kit.input.findings, coveredPaths(items));
  if (items.length === 0) {
    const rate = kit.has("budget.rate") ? `，预算执行数达到预算的[[budget.rate]]` : "";
    const all = kit.has("indicators.count") ? `全部[[indicators.count]]三级指标` : "全部三级指标";
    const forward = forwardItems(kit);
    const weakest = forward[0]?.block;
    const focus = weakest === undefined ? "" : `从各一级指标看，需要重点关注的是“${weakest.name}”。`;
    return {
      intro: `${schemeClause(kit)}，${all}均取得满分${rate}。本年度没有失分，${focus}为保持绩效水平，针对薄弱环节提出以下改进措施：`,
      pairs: forward.map((f) => ({ problem: f.problem, measure: f.measure, name: f.block?.name ?? "" })),
      data,
    };
  }
  const lost = kit.card.total < 100 - 0.005 ? `，共失${kit.fig("score.lost")}` : "，按规则没有失分";
  return {
    intro: `${schemeClause(kit)}${lost}${reportedClause(kit)}。按失分从大到小，发现的主要问题如下：`,
    pairs: items.map((item) => ({
      problem: problemSentence(kit, item),
      measure: measureSentence(kit, item),
      name: item.name,
    })),
    data,
  };
}

function dataParagraph(clauses: readonly string[], lead: string): string {
  if (clauses.length === 0) return "";
  const listed = clauses.map((c, i) => `${hanNumber(i + 1)}是${c}`).join("；");
  return `${lead}${listed}。`;
}

/**
 * 发现的主要问题和改进措施 (Henan, one section): an opening that states the score and the points lost,
 * one numbered paragraph per problem (the indicator, points lost, target vs actual, the rule, the
 * officer's reason) with its measure, and the report's own data problems. A report that lost
 * nothing gets its weak spots and forward-looking measures instead, never "无".
 */
export function writeProblemsMeasures(kit: SectionKit): string {
  const p = plan(kit);
  const list = parenList(p.pairs.map((pair) => `${pair.problem}改进措施：${pair.measure}`));
  const data = dataParagraph(p.data, "此外，报告自身的数据问题需在报送前更正：");
  return [p.intro, list, data].filter((s) => s !== "").join("\n\n");
}

/** 存在的主要问题 (Hunan): the opening and the numbered problems, then the report's data problems. */
export function writeProblems(kit: SectionKit): string {
  const p = plan(kit);
  const data = dataParagraph(p.data, "报告自身的数据问题：");
  return [p.intro, parenList(p.pairs.map((pair) => pair.problem)), data].filter((s) => s !== "").join("\n\n");
}

/** 改进措施和有关建议 (Hunan): one measure per problem, in the same order, naming what it answers. */
export function writeMeasures(kit: SectionKit): string {
  const p = plan(kit);
  const measures = p.pairs.map((pair) =>
    pair.name === "" ? pair.measure : `针对${q(pair.name)}：${pair.measure}`,
  );
  if (p.data.length > 0) {
    measures.push(
      `更正报告自身的数据问题：${p.data.join("；")}，报送前逐项核对并按评分规则重新计算得分和合计。`,
    );
  }
  return [`针对自评发现的问题，${kit.we}将采取以下改进措施：`, parenList(measures)].join("\n\n");
}
