import { labelKey } from "../grid/cell-text.ts";
import { textMemo } from "../grid/text-memo.ts";

/**
 * The column headings of the 自评表 templates, per column role, as data: the next province's table
 * is one more entry here and a test, not new code.
 *
 * A heading is written as its words with `*` for "anything": `年初预算*` matches 年初预算数,
 * `*执行率` matches 预算执行率, `*原因*` matches 偏差原因分析及改进措施, `分值` only 分值. Headings are
 * compared without spaces, with full-width brackets made ASCII and without a trailing formula or unit
 * in brackets ("全年预算数(A)", "执行率(B/A)", "指标权重(分)", "执行率(%)"). Within a table, the roles
 * are tried in the order written, so a narrower heading (调整指标值) comes before a wider one (*指标值).
 */

/** Column roles of the 预算情况 table. */
export type BudgetRole = "label" | "initial" | "adjusted" | "executed" | "reportedRate" | "weight" | "score";

/** Column roles of the indicator table. */
export type IndicatorRole =
  | "block"
  | "blockWeight"
  | "group"
  | "name"
  | "adjustedTarget"
  | "target"
  | "unit"
  | "nature"
  | "direction"
  | "actual"
  | "coefficient"
  | "weight"
  | "score"
  | "reason"
  | "criterion"
  | "explanation"
  | "core";

/** One template's headings. */
export interface TemplateHeaders {
  /** Where the template comes from, for the reader of this file. */
  source: string;
  budget: ReadonlyArray<readonly [BudgetRole, readonly string[]]>;
  indicators: ReadonlyArray<readonly [IndicatorRole, readonly string[]]>;
  /** Labels of the 预算情况 rows, as a row whose cells ran together starts with them. */
  budgetRows?: readonly string[];
  /** 二级指标 names, as they stand before their rows when the cells ran together. */
  groups?: readonly string[];
}

/** The templates read today. */
export const TEMPLATES: readonly TemplateHeaders[] = [
  {
    source: "Henan 部门整体 / 项目支出自评表 (seeds 000, 001, 003)",
    budgetRows: ["部门预算总额", "资金总额", "基本支出", "项目支出"],
    budget: [
      ["label", ["预算情况*", "预算执行情况*"]],
      ["initial", ["年初预算*"]],
      ["adjusted", ["调整预算*", "调整后预算*"]],
      ["executed", ["预算执行数*", "执行数*", "实际执行数*", "实际支出*"]],
      ["reportedRate", ["*执行率"]],
      ["weight", ["分值", "权重"]],
      ["score", ["得分"]],
    ],
    indicators: [
      ["block", ["一级指标*"]],
      ["group", ["二级指标*"]],
      ["name", ["三级指标*"]],
      ["target", ["*指标值", "目标值", "年度目标值"]],
      ["unit", ["单位", "度量单位", "计量单位"]],
      ["actual", ["*完成值", "实际值"]],
      // 权重 right after 一级指标 is the block's weight (Hunan, seed 003); elsewhere the row's (Sichuan).
      ["weight", ["分值", "权重"]],
      ["score", ["*得分"]],
      ["reason", ["*原因*"]],
    ],
  },
  {
    source: "Hunan 整体支出规模 / 项目资金表 and 部门整体支出绩效评价指标表 (seed 002, real 12, 14)",
    budget: [
      ["label", ["整体支出规模*", "项目资金*"]],
      ["adjusted", ["全年预算*"]],
    ],
    indicators: [
      ["target", ["年度指标值"]],
      ["actual", ["全年完成值"]],
      ["criterion", ["评价标准", "评分标准"]],
      ["explanation", ["指标说明"]],
      ["reason", ["偏差及原因分析"]],
    ],
  },
  {
    source: "财预〔2020〕10号 项目支出绩效自评表 (national template; Hubei real 01, Shanxi real 05)",
    budgetRows: ["年度资金总额", "其中:当年财政拨款", "当年财政拨款", "财政拨款", "上年结转资金", "其他资金"],
    groups: [
      "数量指标",
      "质量指标",
      "时效指标",
      "成本指标",
      "经济效益指标",
      "社会效益指标",
      "生态效益指标",
      "可持续影响指标",
      "服务对象满意度指标",
      "满意度指标",
    ],
    budget: [
      ["initial", ["年初预算数"]],
      ["adjusted", ["全年预算数"]],
      ["executed", ["全年执行数"]],
      ["reportedRate", ["执行率"]],
      ["weight", ["分值"]],
      ["score", ["得分"]],
    ],
    indicators: [
      ["target", ["年度指标值"]],
      ["actual", ["实际完成值"]],
      ["reason", ["偏差原因分析及改进措施"]],
    ],
  },
  {
    source:
      "2013 共性指标框架 (投入 / 过程 / 产出 / 效益, with a 评分标准 column; 评分依据 as in 财政部 中央级行政经费项目支出考评计分办法)",
    budget: [],
    indicators: [
      [
        "criterion",
        [
          "评分标准",
          "评分办法",
          "评分规则",
          "评分细则",
          "评分方法",
          "计分方法",
          "计分办法",
          "计分规则",
          "评分依据",
        ],
      ],
      ["explanation", ["指标解释"]],
    ],
  },
  {
    source: "Sichuan 绩效目标自评表 (real 03)",
    budgetRows: ["其中:本年财政拨款", "本年财政拨款", "其中:财政拨款"],
    budget: [
      ["label", ["资金情况*"]],
      ["adjusted", ["全年预算数"]],
      ["executed", ["全年执行数"]],
      ["reportedRate", ["执行率"]],
    ],
    indicators: [
      ["actual", ["全年实际值"]],
      ["reason", ["未完成原因及拟采取的改进措施"]],
    ],
  },
  {
    source: "Chongqing 部门整体绩效自评表 (real 16)",
    budget: [
      ["label", ["部门预算执行情况*"]],
      ["adjusted", ["全年(调整)预算数"]],
      ["weight", ["执行率权重"]],
      ["score", ["执行率得分"]],
    ],
    indicators: [
      ["name", ["指标名称"]],
      ["unit", ["计量单位"]],
      ["nature", ["指标性质"]],
      ["adjustedTarget", ["调整指标值", "全年(调整)指标值"]],
      ["target", ["年初指标值"]],
      ["actual", ["全年完成值"]],
      ["coefficient", ["得分系数"]],
      ["weight", ["指标权重"]],
      ["score", ["指标得分"]],
      ["core", ["是否核心指标"]],
    ],
  },
  {
    source: "Anhui 项目支出绩效自评表 (年初预算数 / 全年预算数 / 全年执行数; 年度指标值 / 实际完成值)",
    budget: [
      ["initial", ["年初预算数"]],
      ["adjusted", ["全年预算数"]],
      ["executed", ["全年执行数"]],
    ],
    indicators: [
      ["target", ["年度指标值"]],
      ["actual", ["实际完成值"]],
      ["reason", ["偏差原因分析及改进措施", "未完成原因分析"]],
    ],
  },
  {
    source:
      "Hubei 部门整体 / 项目支出绩效自评表, older template without 分值 (执行数(B) / 执行率(B/A) / 得分 (20分*执行率); 年初目标值(A) / 实际完成值(B) / 得分; fixtures/real 28, 60)",
    budget: [["score", ["得分(*"]]],
    indicators: [["target", ["年初目标值"]]],
  },
  {
    source:
      "Inner Mongolia 项目支出绩效自评表 (指标性质 / 指标方向 / 年度指标值 / 计量单位; fixtures/real 33)",
    budget: [],
    indicators: [["direction", ["指标方向"]]],
  },
  {
    source: "Hubei 项目支出绩效自评表 (real 01)",
    budget: [["label", ["项目资金*"]]],
    indicators: [
      ["target", ["年度指标值"]],
      ["actual", ["实际完成值"]],
    ],
  },
];

/** Every template's 预算情况 row labels. */
export const BUDGET_ROW_LABELS: readonly string[] = [
  ...new Set(TEMPLATES.flatMap((t) => t.budgetRows ?? [])),
];

/** Every template's 二级指标 names, longest first (服务对象满意度指标 before 满意度指标). */
export const GROUP_NAMES: readonly string[] = [...new Set(TEMPLATES.flatMap((t) => t.groups ?? []))].sort(
  (a, b) => b.length - a.length,
);

/** A trailing formula or unit in brackets: "(A)", "(B/A)", "(%)", "(分)", "(万元)". */
const TRAILING_NOTE = /\((?:[A-Za-z]+(?:\/[A-Za-z]+)?|%|分|万元|元)\)$/;

/** A heading as compared with the words above. */
export function headingKey(heading: string): string {
  return labelKey(heading).replace(TRAILING_NOTE, "");
}

/** A template word as compared: its key without the stars, and where the stars were. */
interface Pattern {
  core: string;
  starts: boolean;
  ends: boolean;
}

function pattern(word: string): Pattern {
  return {
    core: labelKey(word.replace(/^\*|\*$/g, "")),
    starts: word.startsWith("*"),
    ends: word.endsWith("*"),
  };
}

function matches(key: string, { core, starts, ends }: Pattern): boolean {
  if (starts && ends) return key.includes(core);
  if (starts) return key.endsWith(core);
  if (ends) return key.startsWith(core);
  return key === core;
}

/**
 * The roles of one table's headings, keyed once: the exact headings (of every template) in a map
 * where the first template to name a key wins, then the patterns in the order the templates give
 * them. Every cell of every row of a file is looked up here, so the words are not re-keyed per cell.
 */
class RoleTable<R extends string> {
  private readonly exact = new Map<string, R>();
  private readonly patterns: Array<readonly [R, Pattern]> = [];
  constructor(roles: ReadonlyArray<readonly [R, string]>) {
    for (const [role, word] of roles) {
      const p = pattern(word);
      if (word.includes("*")) this.patterns.push([role, p]);
      else if (!this.exact.has(p.core)) this.exact.set(p.core, role);
    }
  }
  find(key: string): R | null {
    return this.exact.get(key) ?? this.patterns.find(([, p]) => matches(key, p))?.[0] ?? null;
  }
}

/**
 * All roles of one table, exact headings first (from every template), then the patterns in the
 * order the templates give them: an exact "全年完成值" wins over a pattern "*指标值".
 */
function rolesOf<R extends string>(
  pick: (t: TemplateHeaders) => ReadonlyArray<readonly [R, readonly string[]]>,
): Array<readonly [R, string]> {
  const all = TEMPLATES.flatMap((t) =>
    pick(t).flatMap(([role, words]) => words.map((w) => [role, w] as const)),
  );
  const exact = all.filter(([, w]) => !w.includes("*"));
  return [...exact, ...all.filter(([, w]) => w.includes("*"))];
}

const BUDGET = new RoleTable(rolesOf((t) => t.budget));
const INDICATORS = new RoleTable(rolesOf((t) => t.indicators));

/** The role of a 预算情况 column heading; null when no template names it. */
export const budgetRole: (heading: string) => BudgetRole | null = textMemo((heading) =>
  BUDGET.find(headingKey(heading)),
);

/** The role of an indicator table column heading; null when no template names it. */
export const indicatorRole: (heading: string) => IndicatorRole | null = textMemo((heading) => {
  const key = headingKey(heading);
  return key === "" ? null : INDICATORS.find(key);
});
