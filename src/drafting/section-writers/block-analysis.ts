import type { SectionId } from "../../core/sections.ts";
import type { BlockScore, IndicatorScore } from "../../scoring/score-card.ts";
import { actualPhrase, executionFigures, pointsPhrase, rulePhrase, targetPhrase } from "../row-phrases.ts";
import { isFull, missingSentence, q, quoted, type SectionKit } from "../section-kit.ts";

/** Which scheme blocks each analysis section covers: by block id first, else by the block's name. */
const SECTION_BLOCKS: Partial<Record<SectionId, { ids: string[]; names: RegExp }>> = {
  analysis_input: { ids: ["input"], names: /投入|成本|过程/ },
  analysis_output: { ids: ["output"], names: /产出/ },
  analysis_outcome: { ids: ["outcome", "satisfaction"], names: /效益|效果|满意/ },
};

const SECTION_SUBJECT: Partial<Record<SectionId, string>> = {
  analysis_input: "投入管理指标",
  analysis_output: "产出指标",
  analysis_outcome: "效益指标",
};

/** The blocks an analysis section is about; `analysis` covers every block. */
function blocksFor(kit: SectionKit, id: SectionId): BlockScore[] {
  const spec = SECTION_BLOCKS[id];
  if (spec === undefined) return kit.card.blocks;
  const byId = kit.card.blocks.filter((b) => spec.ids.includes(b.id));
  return byId.length > 0 ? byId : kit.card.blocks.filter((b) => b.id !== "budget" && spec.names.test(b.name));
}

function headline(kit: SectionKit, block: BlockScore): string {
  const key = `block.${block.id}`;
  const rate = kit.has(`${key}.rate`) ? `，得分率[[${key}.rate]]` : "";
  const stated =
    block.reported !== undefined &&
    Math.abs(block.reported - block.points) >= 0.005 &&
    kit.has(`${key}.reported`)
      ? `；报告自评为[[${key}.reported]]，与按规则计算的不一致`
      : "";
  return `${q(block.name)}分值${kit.fig(`${key}.weight`)}，按评分规则得${kit.fig(`${key}.points`)}${rate}${stated}。`;
}

function fullRows(kit: SectionKit, block: BlockScore): string {
  const full = block.indicators.filter((r) => isFull(r) && !r.rule.startsWith("missing."));
  if (full.length === 0) return "";
  const every = full.length === block.indicators.length;
  const seen = new Set<string>();
  const unique = full.filter((r) => !seen.has(r.name) && seen.add(r.name));
  const quantitative = unique
    .filter((r) => r.kind !== "qualitative" && r.rule !== "not_applicable" && kit.numbered(r) !== undefined)
    .filter((r) => kit.has(`indicator.${kit.numbered(r)?.n}.actual`))
    .slice(0, 3)
    .map((r) => `${kit.title(r)}${actualPhrase(kit, r)}（${targetPhrase(kit, r)}）`);
  const qualitative = unique.filter((r) => r.kind === "qualitative").map((r) => r.name);
  const parts = [
    ...(quantitative.length > 0
      ? [`${quantitative.join("，")}，均达到指标值${every ? "" : "，取得满分"}`]
      : []),
    ...(qualitative.length > 0
      ? [
          `定性指标${quoted(qualitative.slice(0, 4))}${qualitative.length > 4 ? "等" : ""}完成情况均为“达成”${every ? "" : "，评满分"}`,
        ]
      : []),
  ];
  // "该部分三级指标全部取得满分：…" keeps the claim in the sentence that names the rows behind it.
  if (every)
    return parts.length > 0
      ? `该部分三级指标全部取得满分：${parts.join("；")}。`
      : "该部分三级指标全部取得满分。";
  return parts.length > 0 ? `${parts.join("；")}。` : "";
}

function lostRow(kit: SectionKit, row: IndicatorScore): string {
  const p = kit.prefix(row);
  const lost = p !== undefined && kit.has(`${p}.lost`) ? `失[[${p}.lost]]` : "未得分";
  const points = pointsPhrase(kit, row);
  if (row.kind === "budget") {
    return `${kit.title(row)}${lost}（${executionFigures(kit)}；${rulePhrase(row)}${points === "" ? "" : `，${points}`}）`;
  }
  if (row.rule.startsWith("missing.")) return `${kit.title(row)}${lost}（${rulePhrase(row)}）`;
  return `${kit.title(row)}${lost}（${targetPhrase(kit, row)}，${actualPhrase(kit, row)}；${rulePhrase(row)}${points === "" ? "" : `，${points}`}）`;
}

function lostRows(kit: SectionKit, block: BlockScore): string {
  const rows = block.indicators.filter((r) => r.lost > 0.005);
  const parts = rows.map((r) => lostRow(kit, r));
  const gap = block.weight - block.rowWeightSum;
  if (block.indicators.length > 0 && block.fit === "unallocated" && gap > 0.005) {
    parts.push(
      `该部分标称${kit.fig(`block.${block.id}.weight`)}，但三级指标分值合计低于标称分值，差额没有对应指标、无从得分`,
    );
  }
  if (block.fit === "capped" || block.fit === "scaled") {
    parts.push(
      `该部分三级指标分值合计超过一级指标分值${kit.fig(`block.${block.id}.weight`)}，按一级指标分值折算`,
    );
  }
  return parts.length === 0 ? "" : `该部分失分情况：${parts.join("；")}。`;
}

/** Rows the rules could not score for lack of data (their 得分 is the officer's, unchecked). */
function unscoredRows(kit: SectionKit, block: BlockScore): string {
  const rows = block.indicators.filter((r) => r.rule.startsWith("missing.") && r.lost <= 0.005);
  if (rows.length === 0) return "";
  const what = (r: IndicatorScore) =>
    r.rule === "missing.target" ? "指标值" : r.rule === "missing.weight" ? "分值" : "实际完成值";
  const named = rows.map((r) => `${kit.title(r)}的${what(r)}`).join("、");
  return missingSentence(named, `${rows.length > 1 ? "这些" : "该"}指标的得分沿用自评分数，未经核实`);
}

function reportedCuts(kit: SectionKit, block: BlockScore): string {
  const cut = block.indicators.filter(
    (r) =>
      r.reported !== undefined && r.reported < r.weight - 0.005 && Math.abs(r.reported - r.points) >= 0.005,
  );
  const named = cut
    .map((r) => ({ r, p: kit.prefix(r) }))
    .filter(({ p }) => p !== undefined && kit.has(`${p}.reported`) && kit.has(`${p}.points`))
    .map(({ r, p }) => `${kit.title(r)}自评[[${p}.reported]]、按规则应得[[${p}.points]]`);
  return named.length === 0 ? "" : `自评表中${named.join("，")}，自评得分需按规则更正。`;
}

/** The analysis of one block: its score and 得分率, rows met in full, rows that lost points and why, the officer's unsupported cuts. */
function blockAnalysis(kit: SectionKit, block: BlockScore): string {
  if (block.indicators.length === 0) {
    return `${headline(kit, block)}${missingSentence(`${q(block.name)}的三级指标（指标值、实际完成值和分值）`, "该部分无法逐项分析")}`;
  }
  return [
    headline(kit, block),
    fullRows(kit, block),
    lostRows(kit, block),
    unscoredRows(kit, block),
    reportedCuts(kit, block),
  ].join("");
}

/** The drafted analysis sections of the family before `id`. */
function earlierSections(kit: SectionKit, id: SectionId): { id: SectionId; heading: string }[] {
  const sections = kit.input.family.sections.filter((s) => s.drafted && s.id in SECTION_BLOCKS);
  const at = sections.findIndex((s) => s.id === id);
  return at < 0 ? [] : sections.slice(0, at);
}

/**
 * 投入 / 产出 / 效益指标情况分析 (or the whole 绩效情况分析): one paragraph per block of the section,
 * or the missing wording when the report has no such block. A block an earlier section of the
 * family already analysed (产出与效益 under both 产出 and 效益) is not repeated: the later section
 * points to the earlier one.
 */
export function writeBlockAnalysis(kit: SectionKit, id: SectionId): string {
  const all = blocksFor(kit, id);
  const earlier = earlierSections(kit, id);
  const blocks = all.filter((b) => !earlier.some((s) => blocksFor(kit, s.id).includes(b)));
  if (blocks.length === 0 && all.length > 0) {
    // One block for 产出与效益 (2013 framework): analysed once, in the first section that covers it.
    const where = earlier.find((s) => all.some((b) => blocksFor(kit, s.id).includes(b)));
    return `${quoted(all.map((b) => b.name))}的分析见“${where?.heading ?? "上一部分"}”。`;
  }
  if (blocks.length === 0) {
    const subject = SECTION_SUBJECT[id] ?? "绩效指标";
    return missingSentence(`${subject}的评分数据（三级指标、指标值、实际完成值和分值）`, "本部分无法分析");
  }
  return blocks.map((b) => blockAnalysis(kit, b)).join("\n\n");
}
