import type { Finding } from "../core/finding.ts";
import type { Grade, Report } from "../core/report.ts";
import { fmt, round, samePoints, statesValue } from "./rounding.ts";
import type { Scheme } from "./scheme.ts";
import type { BlockScore } from "./score-card.ts";

/** The grade a total earns under the scheme's bands. */
export function gradeFor(total: number, scheme: Scheme): Grade {
  const bands = [...scheme.grades].sort((a, b) => b.min - a.min);
  return (bands.find((g) => total >= g.min - 1e-9) ?? bands[bands.length - 1])?.grade ?? "差";
}

function sameNumber(a: number, b: number): boolean {
  return samePoints(a, b);
}

/**
 * Checks the report against itself: the summary table's block rows against the rows they sum,
 * its 合计 row, rates, the stated total, the grade, and whether the weights add up to 100.
 */
export function checkSummary(report: Report, scheme: Scheme, blocks: readonly BlockScore[]): Finding[] {
  const findings: Finding[] = [];
  const s = report.summary;
  const push = (
    code: string,
    severity: Finding["severity"],
    path: string,
    label: string,
    message: string,
    quote?: string,
  ) =>
    findings.push({
      code,
      severity,
      where: quote === undefined ? { path, label } : { path, label, quote },
      message,
    });

  s.blocks.forEach((row, i) => {
    const path = `summary.blocks[${i}]`;
    const label = `各项指标得分情况表·${row.name}`;
    const block = blocks.find((b) => b.summaryRow === i);
    if (row.score !== undefined && row.weight !== undefined && row.score > row.weight + 1e-9) {
      push(
        "score.over_max",
        "error",
        path,
        label,
        `${row.name}得分${row.score}分超过其分值${row.weight}分。`,
      );
    }
    if (row.rate && row.score !== undefined && row.weight) {
      const rate = (row.score / row.weight) * 100;
      if (!statesValue(rate, row.rate.value, row.rate.decimals)) {
        push(
          "score.rate_mismatch",
          "error",
          path,
          label,
          `${row.name}得分率写为${row.rate.text}，应为得分${row.score} ÷ 分值${row.weight} = ${round(rate, 2)}%。`,
          row.rate.text,
        );
      }
    }
    if (!block) return;
    if (row.weight !== undefined && Math.abs(row.weight - block.weight) > 1e-9) {
      push(
        "weights.block_sum",
        "error",
        path,
        label,
        `${row.name}权重分值写为${row.weight}分，方案规定为${block.weight}分。`,
        String(row.weight),
      );
    }
    const rowScores = block.indicators.map((x) => x.reported);
    if (row.score !== undefined && rowScores.length > 0 && rowScores.every((x) => x !== undefined)) {
      const sum = round(
        rowScores.reduce((a: number, x) => a + (x ?? 0), 0),
        2,
      );
      if (!sameNumber(sum, row.score)) {
        push(
          "score.block_sum",
          "error",
          path,
          label,
          `${row.name}得分写为${row.score}分，但其各行得分合计为${fmt(sum)}分。`,
          `${row.name} ${row.weight ?? ""} ${row.score}`,
        );
      }
    }
  });

  const blockSum =
    s.blocks.length > 0 && s.blocks.every((b) => b.score !== undefined)
      ? round(
          s.blocks.reduce((a, b) => a + (b.score ?? 0), 0),
          2,
        )
      : undefined;
  const weightSum =
    s.blocks.length > 0 && s.blocks.every((b) => b.weight !== undefined)
      ? round(
          s.blocks.reduce((a, b) => a + (b.weight ?? 0), 0),
          2,
        )
      : undefined;
  const t = s.totalRow;
  if (t) {
    const label = `得分情况表·${t.name}行`;
    if (t.weight !== undefined && weightSum !== undefined && !sameNumber(weightSum, t.weight)) {
      push(
        "score.total_mismatch",
        "error",
        "summary.totalRow",
        label,
        `${t.name}行分值写为${t.weight}，各项分值合计为${fmt(weightSum)}。`,
        String(t.weight),
      );
    }
    if (t.score !== undefined && blockSum !== undefined && !sameNumber(blockSum, t.score)) {
      push(
        "score.total_mismatch",
        "error",
        "summary.totalRow",
        label,
        `${t.name}行得分写为${t.score}分，但各项得分合计为${fmt(blockSum)}分。`,
        `${t.name} ${t.weight ?? ""} ${t.score}`,
      );
    }
    if (t.rate && t.score !== undefined && t.weight) {
      const rate = (t.score / t.weight) * 100;
      if (!statesValue(rate, t.rate.value, t.rate.decimals)) {
        push(
          "score.rate_mismatch",
          "error",
          "summary.totalRow",
          label,
          `${t.name}行得分率写为${t.rate.text}，应为得分${t.score} ÷ 分值${t.weight} = ${round(rate, 2)}%。`,
          t.rate.text,
        );
      }
    }
  }
  const rowReported = blocks.flatMap((b) => b.indicators.map((x) => x.reported));
  const rowSum =
    rowReported.length > 0 && rowReported.every((x) => x !== undefined)
      ? round(
          rowReported.reduce((a: number, x) => a + (x ?? 0), 0),
          2,
        )
      : undefined;
  const stated = s.total ?? t?.score;
  const statedPath = s.total !== undefined ? "summary.total" : "summary.totalRow";
  const referenceSum = blockSum ?? rowSum;
  if (s.total !== undefined && referenceSum !== undefined && !sameNumber(referenceSum, s.total)) {
    const what = blockSum !== undefined ? "得分情况表各项得分" : "各指标得分";
    push(
      "score.total_mismatch",
      "error",
      "summary.total",
      "自评得分",
      `自评得分写为${s.total}分，但${what}合计为${fmt(referenceSum)}分。`,
      String(s.total),
    );
  } else if (
    s.total === undefined &&
    t?.score !== undefined &&
    rowSum !== undefined &&
    !sameNumber(rowSum, t.score)
  ) {
    push(
      "score.total_mismatch",
      "error",
      "summary.totalRow",
      `${t.name}行`,
      `${t.name}写为${t.score}分，但各指标得分合计为${fmt(rowSum)}分。`,
      String(t.score),
    );
  }
  if (stated !== undefined) {
    const expected = gradeFor(stated, scheme);
    if (s.grade === undefined) {
      push(
        "grade.mismatch",
        "warn",
        "summary.grade",
        "评价等级",
        `报告未写评价等级；自评得分${stated}分对应“${expected}”。`,
      );
    } else if (s.grade !== expected) {
      push(
        "grade.mismatch",
        "error",
        "summary.grade",
        "评价等级",
        `自评得分${stated}分应为“${expected}”，报告写为“${s.grade}”。`,
        s.grade,
      );
    }
  } else if (s.grade === undefined) {
    push("grade.mismatch", "warn", statedPath, "评价等级", "报告未写自评得分和评价等级。");
  }
  const counted = blocks.filter((b) => b.bonus !== true);
  const weighted = counted.flatMap((b) => b.indicators);
  const complete = counted.every((b) => b.indicators.length > 0);
  if (complete && weighted.every((x) => x.rule !== "missing.weight") && stated !== undefined) {
    // The most the rows allow: each block's row weights (at most the block's), bonus blocks included.
    const most = round(
      Math.min(
        scheme.maxTotal,
        blocks.reduce((a, b) => a + Math.min(b.weight, b.rowWeightSum), 0),
      ),
      2,
    );
    if (stated > most + 0.005) {
      push(
        "score.total_over_max",
        "error",
        statedPath,
        "自评得分",
        `自评得分写为${stated}分，但各指标分值合计最多只有${fmt(most)}分（${blocks.map((b) => `${b.name}${fmt(Math.min(b.weight, b.rowWeightSum))}`).join(" + ")}），得分不可能超过它。`,
        String(stated),
      );
    }
  }
  if (complete && weighted.every((x) => x.rule !== "missing.weight")) {
    const total = round(
      weighted.reduce((a, x) => a + x.weight, 0),
      2,
    );
    if (Math.abs(total - 100) > 1e-9) {
      const parts = blocks.map((b) => `${b.name}${fmt(b.rowWeightSum)}`).join(" + ");
      push(
        "weights.total",
        "error",
        "indicators",
        "指标分值合计",
        `各指标分值合计为${fmt(total)}分（${parts}），不是100分。`,
        String(total),
      );
    }
  }
  return findings;
}
