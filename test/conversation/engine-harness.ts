import { type EngineState, initialConversation } from "../../src/conversation/conversation-state.ts";
import type { Json } from "../../src/conversation/patch.ts";
import { createEngine, type EngineInput } from "../../src/conversation/step.ts";
import type { Report } from "../../src/core/report.ts";
import type { Scheme } from "../../src/scoring/scheme.ts";
import { score } from "../../src/scoring/score.ts";
import { installedSchemes } from "../../src/services/scheme-files.ts";

const schemes = installedSchemes();
if (!schemes.ok) throw new Error(schemes.error.message);

/** The installed schemes, as the app builds the engine with them. */
export const SCHEMES = schemes.value;

/** A new engine over the installed schemes whose scorer counts its runs (no SQLite anywhere). */
export function countingEngine() {
  const runs = { n: 0 };
  const scorer = (report: Report, scheme: Scheme) => {
    runs.n += 1;
    return score(report, scheme);
  };
  return { engine: createEngine(SCHEMES, { scorer }), runs };
}

/** A conversation on report r1 with `report` as its draft (null: no report yet). */
export function stateWith(report: Json | null): EngineState {
  return { conversation: { ...initialConversation(), reportId: report === null ? null : "r1" }, report };
}

/** One turn's input: a typed message, or a button when `action` is given. */
export function input(text: string, extra: Partial<EngineInput> = {}): EngineInput {
  return { text, newReportId: "r1", ...extra };
}

/** The clock every turn is given (the engine takes time as an argument). */
export const NOW = new Date("2026-12-01T00:00:00Z");

/** A department draft in 某某县 with everything up to the indicators: the 郑州区县 scheme chosen. */
export const BASE: { [key: string]: Json } = {
  schemaVersion: 1,
  unit: { name: "某某县教育局", region: "某某县" },
  year: 2023,
  kind: "department",
  schemeId: "henan-zhengzhou-district-department",
  preparer: { name: "刘媛媛", phone: "63526383" },
};

/** One indicator 培训场次 ≥10场, 8场 done, 分值 40: completion 8/10 gives 32 of 40. */
export const INDICATORS: Json = [
  {
    name: "产出指标",
    weight: 40,
    groups: [
      {
        name: "数量指标",
        indicators: [{ name: "培训场次", target: "≥10场", unit: "场", actual: "8场", weight: 40, score: 32 }],
      },
    ],
  },
];

/** The question asked once the draft has BASE and the indicators: 年度履职目标 (8 of 18 done). */
export const GOALS_QUESTION = {
  type: "question",
  slot: "goals",
  field: "年度履职目标",
  text: "部门的年度履职目标是什么？（可直接粘贴）",
  example: "1. 推进电子政务发展；2. …",
  progress: { done: 8, total: 18 },
};
