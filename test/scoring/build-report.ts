import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../../src/core/finding.ts";
import { type Report, type ReportInput, ReportSchema } from "../../src/core/report.ts";
import { type Scheme, SchemeSchema } from "../../src/scoring/scheme.ts";
import { score } from "../../src/scoring/score.ts";
import type { IndicatorScore, ScoreCard } from "../../src/scoring/score-card.ts";

export const SCHEME_DIR = join(import.meta.dirname, "../../src/scoring/schemes");

/** Raw JSON of an installed scheme, as a fresh mutable copy. */
export function rawScheme(id = "henan-zhengzhou-district-department"): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEME_DIR, `${id}.json`), "utf8")) as Record<string, unknown>;
}

/**
 * The Henan district department scheme (预算执行 10 / 投入管理 20 / 产出 40 / 效益 30), optionally
 * varied: `vary` edits the raw JSON before it is parsed, so a variant is validated like a real file.
 */
export function henanScheme(vary?: (raw: Record<string, unknown>) => void): Scheme {
  const raw = rawScheme();
  vary?.(raw);
  return SchemeSchema.parse(raw);
}

type IndicatorInput = NonNullable<ReportInput["indicators"]>[number]["groups"][number]["indicators"][number];
type BlockInput = NonNullable<ReportInput["indicators"]>[number];

/** A met qualitative row worth `weight` points ("相关" → "相关", full marks). */
export function metRow(name: string, weight: number): IndicatorInput {
  return { name, target: "相关", actual: "相关", weight };
}

/** A block with one group holding `rows`. */
export function block(name: string, weight: number | undefined, rows: IndicatorInput[]): BlockInput {
  return {
    name,
    ...(weight === undefined ? {} : { weight }),
    groups: [{ name: `${name}·二级`, indicators: rows }],
  };
}

/**
 * A complete department report that scores exactly 100 under the Henan scheme:
 * budget 100/100 万元 (10), 投入管理 10+10 (20), 产出 20+20 (40), 效益 15+15 (30).
 * `over` replaces top-level fields (indicators, budget, summary…).
 */
export function fullReport(over: Partial<ReportInput> = {}): Report {
  const input: ReportInput = {
    kind: "department",
    unit: { name: "测试局" },
    year: 2021,
    budget: { initial: "100万元", adjusted: "100万元", executed: "100万元" },
    indicators: [
      block("投入管理指标", 20, [metRow("预算编制科学性", 10), metRow("管理制度健全性", 10)]),
      block("产出指标", 40, [metRow("重点工作完成", 20), metRow("工作质量", 20)]),
      block("效益指标", 30, [metRow("社会效益", 15), metRow("可持续影响", 15)]),
    ],
    ...over,
  };
  return ReportSchema.parse(input);
}

/** All scored rows of a card, flattened. */
export function rows(card: ScoreCard): IndicatorScore[] {
  return card.blocks.flatMap((b) => b.indicators);
}

/** The scored row with this name (throws when absent, so a test fails loudly). */
export function rowNamed(card: ScoreCard, name: string): IndicatorScore {
  const row = rows(card).find((r) => r.name === name);
  if (!row) throw new Error(`no scored row named ${name}`);
  return row;
}

/** Codes of the findings at exactly this path. */
export function codesAt(card: ScoreCard, path: string): string[] {
  return card.findings.filter((f) => f.where.path === path).map((f) => f.code);
}

export function codes(card: ScoreCard): string[] {
  return card.findings.map((f) => f.code);
}

export function findingsWith(card: ScoreCard, code: string): Finding[] {
  return card.findings.filter((f) => f.code === code);
}

/** Path of the single test row placed by `scoreOne`. */
export const ONE_PATH = "indicators[0].groups[0].indicators[0]";

/**
 * Scores one indicator placed alone in the 产出指标 block of an otherwise empty report, and
 * returns its scored row and the findings at its path (other blocks' structure findings are ignored).
 */
export function scoreOne(
  indicator: IndicatorInput,
  opts: { scheme?: Scheme; budget?: ReportInput["budget"] } = {},
): { row: IndicatorScore; codes: string[]; card: ScoreCard } {
  const report = ReportSchema.parse({
    kind: "department",
    unit: { name: "测试局" },
    year: 2021,
    budget: opts.budget ?? {},
    indicators: [block("产出指标", undefined, [indicator])],
  } satisfies ReportInput);
  const card = score(report, opts.scheme ?? henanScheme());
  const row = card.blocks.find((b) => b.id === "output")?.indicators[0];
  if (!row) throw new Error("the test row was not scored");
  return { row, codes: codesAt(card, ONE_PATH), card };
}
