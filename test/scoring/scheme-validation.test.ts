import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScheme } from "../../src/scoring/scheme-registry.ts";
import { rawScheme, SCHEME_DIR } from "./build-report.ts";

type Raw = Record<string, unknown>;
const files = readdirSync(SCHEME_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();

/** The error message of a rejected scheme (fails the test when the scheme is accepted). */
function rejection(data: unknown): string {
  const r = parseScheme(data, "test.json");
  if (r.ok) throw new Error("scheme was accepted but should have been rejected");
  expect(r.error.code).toBe("scheme.invalid");
  return r.error.message;
}

function henan(vary: (raw: Raw) => void): Raw {
  const raw = rawScheme();
  vary(raw);
  return raw;
}

const blocksOf = (raw: Raw) => raw.blocks as Raw[];

describe("installed schemes", () => {
  it("include the four known schemes", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "cn-2020-project-default.json",
        "henan-zhengzhou-district-department.json",
        "hunan-department.json",
        "hunan-project.json",
      ]),
    );
  });

  it.each(files)("%s parses, its id is its file name and its block weights add to 100", (file) => {
    const r = parseScheme(JSON.parse(readFileSync(join(SCHEME_DIR, file), "utf8")), file);
    expect(r.ok ? "" : r.error.message).toBe("");
    if (!r.ok) return;
    expect(`${r.value.id}.json`).toBe(file);
    expect(r.value.blocks.filter((b) => !b.bonus).reduce((a, b) => a + b.weight, 0)).toBe(100);
    expect(Object.keys(r.value.qualitative.bands).sort()).toEqual(["未达成", "达成", "部分达成"].sort());
  });
});

describe("invalid schemes are rejected with the field named", () => {
  it("block weights summing to 90 → 合计应为100", () => {
    const message = rejection(
      henan((raw) => {
        const output = blocksOf(raw)[2] as Raw;
        output.weight = 30; // 10 + 20 + 30 + 30 = 90
      }),
    );
    expect(message).toContain("合计应为100");
    expect(message).toContain("90");
  });

  it('blocks[0].weight: "10" → names blocks[0].weight', () => {
    const message = rejection(
      henan((raw) => {
        (blocksOf(raw)[0] as Raw).weight = "10";
      }),
    );
    expect(message).toContain("blocks[0].weight");
  });

  it("a missing qualitative band → names 部分达成", () => {
    const message = rejection(
      henan((raw) => {
        const bands = (raw.qualitative as Raw).bands as Raw;
        delete bands.部分达成;
      }),
    );
    expect(message).toContain("部分达成");
  });

  const namedFields: Array<[string, (raw: Raw) => void, string]> = [
    [
      "an unknown budgetExecution.method",
      (raw) => Object.assign(raw.budgetExecution as Raw, { method: "linear" }),
      "budgetExecution.method",
    ],
    [
      "method thresholds without thresholds",
      (raw) => Object.assign(raw.budgetExecution as Raw, { method: "thresholds" }),
      "budgetExecution.thresholds",
    ],
    [
      "an unknown reverse rule",
      (raw) => Object.assign(raw.quantitative as Raw, { reverse: "half" }),
      "quantitative.reverse",
    ],
  ];

  it.each(namedFields)("%s → the message names the field", (_name, vary, field) => {
    expect(rejection(henan(vary))).toContain(field);
  });

  it("a band with min above max is rejected", () => {
    const message = rejection(
      henan((raw) => {
        const bands = (raw.qualitative as Raw).bands as Raw;
        bands.达成 = { min: 90, max: 80 };
      }),
    );
    expect(message).toContain("qualitative.bands.达成");
  });

  it("the unmodified Henan scheme is accepted (the rejections above come from the edits)", () => {
    const r = parseScheme(rawScheme(), "henan");
    expect(r.ok).toBe(true);
  });
});

describe("rules as data: a rule that cannot be right is refused, naming the indicator and the rule", () => {
  const national = () => rawScheme("cn-2020-project-default");

  it("a threshold above 100% on a rate, a negative step, groups over their block, an unknown field", () => {
    const raw = national();
    raw.rowRules = [
      {
        names: ["群众满意度"],
        rule: {
          text: "≥120%得满分",
          full: { comparator: "≥", value: 120, unit: "%" },
          otherwise: { method: "zero" },
        },
      },
      {
        names: ["信件办结数"],
        rule: { text: "每减少30件扣1分", otherwise: { method: "step", per: -30, deduct: 1 } },
      },
    ];
    (blocksOf(raw)[1] as Raw).groups = [
      { name: "数量指标", weight: 30 },
      { name: "质量指标", weight: 30 },
    ];
    (((raw.commonIndicators as Raw[])[0] as Raw).formula as Raw).numerator = "budget.spent";
    const message = rejection(raw);
    expect(message.split("\n").slice(1)).toEqual([
      expect.stringMatching(
        /^ {2}- 字段 commonIndicators\[0\]\.formula：共性指标“预算执行率”的公式引用了未知字段“budget\.spent”。可用字段：budget\.initial、/,
      ),
      "  - 字段 rowRules[0]：指标“群众满意度”的规则“≥120%得满分”：满分标准“≥120%”超过100%，比率不可能达到",
      "  - 字段 rowRules[1]：指标“信件办结数”的规则“每减少30件扣1分”：扣分步长为-30，必须大于0（例如“每减少30件扣1分”写 per: 30）",
      "  - 字段 blocks[1].groups：一级指标“产出指标”（50分）的二级指标分值合计为60分（数量指标30 + 质量指标30），超过了它的分值",
    ]);
    expect(message.split("\n")[0]).toBe("评分方案 test.json 不符合要求：");
  });

  it("a rule for a block the scheme does not have, bands with a share above 1", () => {
    const raw = national();
    raw.rowRules = [
      { block: "quality", rule: { otherwise: { method: "zero" } } },
      {
        group: "数量指标",
        rule: { otherwise: { method: "bands", bands: [{ comparator: "≥", value: 90, share: 80 }] } },
      },
    ];
    expect(rejection(raw).split("\n").slice(1)).toEqual([
      "  - 字段 rowRules[0].block：一级指标“quality”的规则指向不存在的一级指标“quality”；方案的一级指标为：budget（预算执行率）、output（产出指标）、outcome（效益指标）、satisfaction（满意度指标）",
      "  - 字段 rowRules[1]：二级指标“数量指标”的规则：档次“≥90”的得分比例80应在0到1之间（0.8即80%）",
    ]);
  });

  it("a derived indicator may read another indicator's actual value (indicator:名称)", () => {
    const raw = national();
    (raw.commonIndicators as Raw[]).push({
      key: "assetUse",
      name: "固定资产利用率",
      direction: "positive",
      formula: { op: "ratio", numerator: "indicator:在用设备数", denominator: "indicator:设备总数" },
    });
    expect(parseScheme(raw, "test.json").ok).toBe(true);
  });
});
