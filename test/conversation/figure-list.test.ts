import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { correctField, editIndicator, findField } from "../../src/conversation/corrections.ts";
import { indicatorRefs } from "../../src/conversation/draft-access.ts";
import { correctableFigures, type Figure, figureById } from "../../src/conversation/figure-list.ts";
import { INDICATOR_COLUMNS } from "../../src/conversation/indicator-slots.ts";
import { recognise } from "../../src/conversation/intents.ts";
import type { Json } from "../../src/conversation/patch.ts";

const seed = JSON.parse(readFileSync("fixtures/reports/seed-000.json", "utf8")) as Json;

const shown = (figures: readonly Figure[]) =>
  figures.map(({ id, label, current, example }) => ({ id, label, current, example }));

const small: Json = {
  kind: "department",
  year: 2021,
  unit: { name: "郑州市金水区电子政务中心" },
  summary: { total: 96, grade: "优" },
  budget: {
    initial: "561.41万元",
    adjusted: "",
    executed: "545.06万元",
    reportedRate: "97%",
    score: 9,
    sources: { fiscal: { initial: "561.41万元", executed: null } },
  },
  indicators: [
    {
      name: "产出指标",
      groups: [
        {
          name: "数量指标",
          indicators: [
            { name: "全区网络的接入率", target: "≥99%", actual: "100%", weight: 5, score: 5 },
            {
              name: "保障全区政务网络基础设施稳定性和安全性的综合达标率",
              target: { text: "≥98%" },
              actual: "",
            },
            { name: "", actual: "完成" },
          ],
        },
      ],
    },
  ],
};

describe("correctableFigures lists the numbers an officer may correct", () => {
  it("lists numeric fields with a value, then each indicator's 实际完成值、指标值、得分", () => {
    expect(shown(correctableFigures(small))).toEqual([
      { id: "field:summary.total", label: "自评得分", current: "96", example: "96" },
      { id: "field:budget.initial", label: "年初预算数", current: "561.41万元", example: "561.41万元" },
      { id: "field:budget.reportedRate", label: "预算执行率", current: "97%", example: "97%" },
      { id: "field:budget.executed", label: "预算执行数", current: "545.06万元", example: "545.06万元" },
      { id: "field:budget.score", label: "预算执行率得分", current: "9", example: "9" },
      {
        id: "field:budget.sources.fiscal.initial",
        label: "财政性资金年初预算数",
        current: "561.41万元",
        example: "561.41万元",
      },
      {
        id: "indicator:1:actual",
        label: "第1个指标“全区网络的接入率”的实际完成值",
        current: "100%",
        example: "98%",
      },
      {
        id: "indicator:1:target",
        label: "第1个指标“全区网络的接入率”的指标值",
        current: "≥99%",
        example: "≥99%",
      },
      { id: "indicator:1:score", label: "第1个指标“全区网络的接入率”的得分", current: "5", example: "4" },
      {
        id: "indicator:2:target",
        label: "第2个指标“保障全区政务网络基础设施稳定性和安全性…”的指标值",
        current: "≥98%",
        example: "≥99%",
      },
      { id: "indicator:3:actual", label: "第3个指标的实际完成值", current: "完成", example: "98%" },
    ]);
  });

  it("words each figure's command as the officer would type it", () => {
    const commands = correctableFigures(small).map((f) => f.command("545.06万元"));
    expect(commands[3]).toBe("把预算执行数改成545.06万元");
    expect(commands[6]).toBe("第1个指标的实际完成值是545.06万元");
    expect(commands[7]).toBe("第1个指标的指标值是545.06万元");
  });

  it("gives nothing for an empty draft", () => {
    expect(correctableFigures({})).toEqual([]);
  });

  it("offers every figure of seed 000, fields first, grouped by first-level block", () => {
    const figures = correctableFigures(seed);
    // 26 report-level figures, and 实际完成值、指标值、得分 of each of the 32 indicators.
    expect(figures.filter((f) => f.group === "预算与得分")).toHaveLength(26);
    expect(figures).toHaveLength(26 + 32 * 3);
    const firstIndicator = figures.findIndex((f) => f.id.startsWith("indicator:"));
    expect(figures.slice(firstIndicator).every((f) => f.id.startsWith("indicator:"))).toBe(true);
    expect([...new Set(figures.map((f) => f.group))]).toEqual([
      "预算与得分",
      "投入管理指标",
      "产出指标",
      "效益指标",
    ]);
    expect(figures.some((f) => f.id === "indicator:32:score")).toBe(true);
    const last = figureById(seed, "indicator:32:score");
    expect(shown(last === undefined ? [] : [last])).toEqual([
      { id: "indicator:32:score", label: "第32个指标“辖区居民满意”的得分", current: "4", example: "4" },
    ]);
  });

  it("finds no figure for an unknown id or an empty value", () => {
    expect(figureById(small, "field:year")).toBeUndefined();
    expect(figureById(small, "field:budget.adjusted")).toBeUndefined();
    expect(figureById(small, "indicator:2:actual")).toBeUndefined();
  });
});

describe("every figure's command is read by the engine as a correction of that same figure", () => {
  const refs = indicatorRefs(seed);
  it.each(correctableFigures(seed).map((f) => [f.id, f] as const))("%s", (id, figure) => {
    const intent = recognise(figure.command("1"));
    if (id.startsWith("field:")) {
      expect(intent?.kind).toBe("correct");
      if (intent?.kind !== "correct") return;
      expect(findField(intent.target)?.path.join(".")).toBe(id.slice("field:".length));
      const result = correctField(seed, intent.target, figure.example);
      expect(result.ok).toBe(true);
      if (result.ok) for (const c of result.value.changes) expect(c.path.join(".")).toBe(id.slice(6));
    } else {
      const [, n, key] = id.split(":");
      expect(intent?.kind).toBe("indicator-edit");
      if (intent?.kind !== "indicator-edit") return;
      expect(intent.ref).toBe(n);
      expect(INDICATOR_COLUMNS.find((c) => c.words.test(intent.column))?.key).toBe(key);
      const result = editIndicator(seed, intent.ref, intent.column, figure.example);
      expect(result.ok).toBe(true);
      const ref = refs[Number(n) - 1];
      if (result.ok && ref !== undefined)
        for (const c of result.value.changes) expect(c.path).toEqual([...ref.path, key]);
    }
  });
});

describe("findField reads the longest word that names a field", () => {
  it("sends 预算执行率 of a budget source to its rate, not to its 执行数 by the word 执行", () => {
    expect(findField("财政性资金预算执行率")?.path).toEqual(["budget", "sources", "fiscal", "reportedRate"]);
    expect(findField("财政资金执行率")?.path).toEqual(["budget", "sources", "fiscal", "reportedRate"]);
    expect(findField("财政资金执行数")?.path).toEqual(["budget", "sources", "fiscal", "executed"]);
    expect(findField("预算执行数")?.path).toEqual(["budget", "executed"]);
  });
});
