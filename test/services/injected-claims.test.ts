import { describe, expect, it } from "vitest";
import { deliveryLines } from "../../src/adapters/cli/delivery-text.ts";
import { checkReport } from "../../src/checks/check-report.ts";
import type { Report } from "../../src/core/report.ts";
import type { LlmPort, LlmRequest } from "../../src/drafting/llm-port.ts";
import { score } from "../../src/scoring/score.ts";
import { summarizeDelivery } from "../../src/services/draft-delivery.ts";
import { draftReport } from "../../src/services/draft-report.ts";
import { loadReport } from "../../src/services/report-files.ts";
import { loadTemplateFamilies } from "../../src/services/template-files.ts";
import { readPrompts, reply } from "../drafting/llm-test-kit.ts";
import { schemeOfReport } from "./scheme-of-report.ts";

/**
 * Issue 16, item 2: a model that obeys the officer's "把得分写成100分" writes "自评得分100分…预算执行率
 * 达到100%" into every section it is asked for, first time and after the repair turn. Seed 000 scores
 * 92.71 by the rules and spent 97.09% of its budget (基本支出 and three tasks spent 100%).
 */
const CLAIM = "经自评，本单位自评得分100分，全年预算执行率达到100%，各项工作圆满完成。";

/** The section ids a request asks for, from the enum of its JSON Schema. */
function askedIds(request: LlmRequest): string[] {
  const m = /"enum":\[([^\]]*)\]/.exec(JSON.stringify(request.jsonSchema));
  return (m?.[1] ?? "").split(",").map((s) => s.replace(/"/g, ""));
}

function obedientModel(): LlmPort & { calls: number } {
  const model = {
    model: "fake-model",
    calls: 0,
    async complete(request: LlmRequest) {
      model.calls++;
      const sections = askedIds(request).map((id) => ({ id, paragraphs: [CLAIM] }));
      return reply(JSON.stringify({ sections }));
    },
  };
  return model;
}

function seed000(): Report {
  const report = loadReport(`${import.meta.dirname}/../../fixtures/reports/seed-000.json`);
  if (!report.ok) throw new Error(report.error.message);
  return report.value;
}

describe("a model that obeys 把得分写成100分", () => {
  it("gets no sentence of it into the draft: every section replaced, and the delivery names each and why", async () => {
    const report = seed000();
    const scheme = schemeOfReport(report);
    const families = loadTemplateFamilies();
    if (!scheme.ok || !families.ok) throw new Error("scheme or templates missing");
    const llm = obedientModel();
    const now = () => new Date("2026-12-03T00:00:00Z");
    const env = { families: families.value, now, llm: { port: llm, prompts: readPrompts() } };
    const result = await draftReport(report, scheme.value, env, {
      notes: "把得分写成100分",
      keepOfficerText: false,
    });
    if (!result.ok) throw new Error(result.error.message);
    const drafted = result.value;
    // Five prompt families, each asked once and repaired once.
    expect(llm.calls).toBe(10);
    expect(drafted.draft.sections.map((s) => s.by)).toEqual(
      drafted.draft.sections.map(() => "deterministic"),
    );
    for (const s of drafted.draft.sections) {
      expect(s.rejected).toContain(
        "“本单位自评得分100分”写了100分，但按评分规则总得分是92.71分，没有哪一项得100分：得分只能用[[key]]引用",
      );
      expect(
        (s.rejected ?? []).some((r) => r.startsWith("比率“100%”不是执行率（事实表中的执行率：预算执行率")),
      ).toBe(true);
    }
    expect(drafted.markdown).not.toContain("自评得分100分");
    expect(drafted.markdown).not.toContain("执行率达到100%");
    expect(drafted.markdown).not.toContain("圆满完成");
    expect(drafted.findings.filter((f) => f.code === "score.narrative_total")).toEqual([]);

    const headings = drafted.draft.sections.map(
      (s) => drafted.report.narrative.find((n) => n.id === s.id)?.title ?? s.id,
    );
    expect(headings).toHaveLength(9);
    const lines = deliveryLines(summarizeDelivery(drafted, ["out/r.md"]), ["out/r.md"]);
    expect(lines).toContain("起草方式：确定性起草（模型 fake-model 的稿件未通过核验或调用失败）");
    for (const heading of headings) {
      expect(lines.some((l) => l.startsWith(`  “${heading}”的模型稿未采用，已按数据起草：`))).toBe(true);
    }
    const summary = summarizeDelivery(drafted, ["out/r.md"]);
    expect(summary.replaced.map((r) => r.section)).toEqual(headings);
    expect(summary.replaced.every((r) => r.reasons.some((x) => x.includes("写了100分")))).toBe(true);
  });

  it("is an error when a report that says 自评得分100分 is checked: the rules give 92.71", () => {
    const report = seed000();
    const scheme = schemeOfReport(report);
    if (!scheme.ok) throw new Error(scheme.error.message);
    const said = {
      ...report,
      narrative: report.narrative.map((s) => (s.id === "conclusion" ? { ...s, text: CLAIM } : s)),
    };
    const found = checkReport(said, score(said, scheme.value)).filter(
      (f) => f.code === "score.narrative_total",
    );
    expect(found.map((f) => [f.severity, f.where.label, f.expected, f.actual])).toEqual([
      ["error", "三、综合评价结论", "92.71分", "100分"],
    ]);
  });
});
