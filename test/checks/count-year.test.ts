import { describe, expect, it } from "vitest";
import { checkText } from "../../src/checks/check-text.ts";
import type { Finding } from "../../src/core/finding.ts";
import { section, synthetic } from "./helpers.ts";

const TARGETS = "（二）年度部门整体绩效目标、绩效指标设定情况";

function check(code: string, text: string, title = TARGETS): Finding[] {
  const { report, card } = synthetic({ narrative: [section("targets", title, text)] });
  return checkText(report, card).filter((f) => f.code === code);
}

describe("count.mismatch", () => {
  it("compares “共N个项目，如下：” with the numbered list after it", () => {
    const text =
      "我单位2021年共5个项目，如下：\n\n（1）平台运维，项目资金60万元。\n\n(2) 设备采购，项目资金35万元。\n\n（3）网络租赁，项目资金5万元。";
    expect(check("count.mismatch", text)).toEqual([
      {
        code: "count.mismatch",
        severity: "warn",
        where: { path: "narrative[0]", label: TARGETS, quote: "我单位2021年共5个项目，如下：" },
        message: `“${TARGETS}”说“共5个”，但后面列出的编号清单有3个。请核对数量：补上漏列的项目，或改正总数。`,
        expected: 3,
        actual: 5,
      },
    ]);
  });

  it("compares “共有项目N个” with the task table, but not counts of a subset", () => {
    const findings = check("count.mismatch", "2021年我中心共有项目3个，开展绩效监控项目2个。");
    expect(findings.map((f) => [f.where.quote, f.expected, f.actual])).toEqual([
      ["2021年我中心共有项目3个，开展绩效监控项目2个。", 2, 3],
    ]);
    expect(check("count.mismatch", "2021年我中心共有项目2个，开展绩效监控项目1个。")).toEqual([]);
  });

  it("accepts a count that matches, and a count with no list after it", () => {
    const listed = "共3个项目，如下：\n1.平台运维。\n2.设备采购。\n3.网络租赁。";
    expect(check("count.mismatch", listed)).toEqual([]);
    expect(check("count.mismatch", "全年组织实施7个项目的招标。")).toEqual([]);
  });
});

describe("count.mismatch on names listed after a count", () => {
  it("“直属事业单位10个，即…” followed by nine names", () => {
    const names = [
      "国库集中支付中心",
      "财政信息中心",
      "工资统发中心",
      "投资评审中心",
      "债务研究评估中心",
      "预算编审中心",
      "国有资产服务中心",
      "会计服务中心",
      "开发区财政所",
    ];
    const findings = check("count.mismatch", `下设16个股室；直属事业单位10个,即${names.join("、")}。`);
    expect(
      findings.map((f) => [
        f.expected,
        f.actual,
        f.message.endsWith("会计服务中心、开发区财政所）。请核对数量：补上漏列的名称，或改正总数。"),
      ]),
    ).toEqual([[9, 10, true]]);
  });

  it("a matching count, 和 before the last name, a list ending in 等, or amounts are not flagged", () => {
    expect(
      check(
        "count.mismatch",
        "纳入部门预算编制范围的单位有3个，分别为财政局机关本级、财政事务中心和国库集中支付中心。",
      ),
    ).toEqual([]);
    expect(check("count.mismatch", "共有科室5个，包括办公室、预算股、国库股等。")).toEqual([]);
    expect(check("count.mismatch", "资金4个，分别为财政资金10万元、其他资金5万元。")).toEqual([]);
  });
});

describe("count.mismatch: the common ways of listing what was counted", () => {
  const counts = (text: string) =>
    check("count.mismatch", text).map((f) => [f.expected, f.actual, f.message.split("，但")[1]]);

  it("reads a colon, 包括, 其中 and a Chinese numeral after the count", () => {
    expect(counts("局机关设有四个科室：办公室、财务科和业务科。")).toEqual([
      [3, 4, "随后列出的名称是3个（办公室、财务科、业务科）。请核对数量：补上漏列的名称，或改正总数。"],
    ]);
    expect(counts("下属单位2家，包括：信息中心、档案馆、数据中心。")).toEqual([
      [3, 2, "随后列出的名称是3个（信息中心、档案馆、数据中心）。请核对数量：补上漏列的名称，或改正总数。"],
    ]);
    expect(counts("下设股室5个，其中办公室、预算股、国库股、综合股。")).toEqual([
      [
        4,
        5,
        "随后列出的名称是4个（办公室、预算股、国库股、综合股）。请核对数量：补上漏列的名称，或改正总数。",
      ],
    ]);
  });

  it("reads the names before the count (“A、B和C三个单位”)", () => {
    expect(counts("下设办公室、财务科和业务科两个科室。")).toEqual([
      [3, 2, "前面列出的名称是3个（办公室、财务科、业务科）。请核对数量：补上漏列的名称，或改正总数。"],
    ]);
    expect(counts("统筹信息中心、档案馆两家单位。")).toEqual([]);
  });

  it("takes 等 for “not all named”, and leaves alone subsets after 其中, ordinals and counts of visits", () => {
    expect(counts("共有科室5个：办公室、预算股、国库股等。")).toEqual([]);
    expect(counts("走访了办公室、财务科等5个科室。")).toEqual([]);
    expect(counts("下设股室5个，其中办公室、财务股为综合股室。")).toEqual([]);
    expect(counts("第三个方面：制度、人员。")).toEqual([]);
    expect(counts("走访企业、社区50家。")).toEqual([]);
  });
});

describe("count.mismatch between a total of projects and its parts", () => {
  it("共15个 but 年初8个 + 年中增加8个 = 16 (bracketed sub-counts left out)", () => {
    const text =
      "2024年，本中心实施项目共15个（含转列项目5个），年初批复预算8个项目985万元，调整预算后861.46万元，年中增加8个项目（含转列项目5个）。";
    expect(check("count.mismatch", text).map((f) => [f.expected, f.actual])).toEqual([[16, 15]]);
  });

  it("parts that add up, or a paragraph without all three, are not flagged", () => {
    expect(check("count.mismatch", "实施项目共16个，年初批复8个项目，年中新增8个项目。")).toEqual([]);
    expect(check("count.mismatch", "实施项目共15个，年初批复8个项目。")).toEqual([]);
  });
});

describe("year.mismatch", () => {
  it("flags another year's self-evaluation in a heading or sentence of a 2021 report", () => {
    const findings = check(
      "year.mismatch",
      "根据要求，我中心组织开展了2020年度部门整体绩效自评工作。",
      "二、2021年度绩效自评工作开展情况",
    );
    expect(findings).toEqual([
      {
        code: "year.mismatch",
        severity: "warn",
        where: {
          path: "narrative[0]",
          label: "二、2021年度绩效自评工作开展情况",
          quote: "我中心组织开展了2020年度部门整体绩效自评工作",
        },
        message:
          "“二、2021年度绩效自评工作开展情况”写的是2020年，本报告是2021年度的自评报告。请核对：沿用往年报告的文字或数据的，请改为2021年的内容；确需引用2020年数据的，请写明是用来对比的。",
        expected: 2021,
        actual: 2020,
      },
    ]);
  });

  it("flags “本年度（2019年）”, last year's accounts given as this year's, next year's self-evaluation", () => {
    const text =
      "本年度（2019年）预算执行良好。2020年末资产合计数197.80万元。本报告为2022年度部门整体绩效自评报告。";
    const findings = check("year.mismatch", text);
    expect(findings.map((f) => [f.where.quote, f.actual])).toEqual([
      ["本年度（2019年）预算执行良好", 2019],
      ["2020年末资产合计数197.80万元", 2020],
      ["本报告为2022年度部门整体绩效自评报告", 2022],
    ]);
  });

  it("accepts comparisons, history, next-year dates, task names and document titles", () => {
    const text = [
      "2021年度支出总额较2020年增加10万元，2020年度收入合计为90万元。",
      "本中心成立于2015年，2019年机构改革更名。",
      "报告于2022年3月完成，2022年度预算将继续安排，2022年将继续做好绩效评价工作。",
      "对2020年度绩效评价发现的问题已全部整改。",
      "2020年结转项目已完成，资金5万元。",
      "根据《关于开展2020年度预算绩效自评工作的通知》要求开展自评。",
    ].join("\n");
    const { report, card } = synthetic({
      tasks: [{ name: "2020年结转项目" }],
      narrative: [section("process", "二、绩效自评工作开展情况", text)],
    });
    expect(checkText(report, card).filter((f) => f.code === "year.mismatch")).toEqual([]);
  });
});
