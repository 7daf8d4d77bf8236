import { describe, expect, it } from "vitest";
import { type CriterionRow, parseCriterion } from "../../../src/scoring/criterion/parse-criterion.ts";
import type { IndicatorRule } from "../../../src/scoring/indicator-rule.ts";

/**
 * Real 评分标准 cells, as the tables print them (OCR damage kept), each with the rule it must give
 * or the exact reason it cannot be read; then hand-made phrasings whose wording alone fixes the rule.
 * `w` is the row's 分值, `u` the unit of its 指标值.
 */

type Expected = Omit<IndicatorRule, "text"> | string;
type Case = [text: string, row: CriterionRow, expected: Expected];

const CAN_READ =
  "可读的写法例如“≥95%得满分，每低1个百分点扣0.5分，扣完为止”“完成得满分，未完成不得分”“按完成比例得分”";
const unknown = (text: string, piece: string) =>
  `评分标准“${text}”中的“${piece}”不是能读成计分规则的写法，${CAN_READ}`;
const step = (per: number, deduct: number, floor = 0) =>
  ({ method: "step", per, deduct, floor, partial: "floor" }) as const;

function check([text, row, expected]: Case): void {
  const read = parseCriterion(text, row);
  if (typeof expected === "string") expect(read).toEqual({ ok: false, reason: expected });
  else expect(read).toEqual({ ok: true, rule: { ...expected, text: text.trim() } });
}

// Hunan 部门整体支出绩效评价指标表, 评价标准 column (/work/shared/real-reports/14, source
// https://wanglu.net/thread/t4-462766-0.html): "≤" came out of the scan as "Q".
const HUNAN_2018: Case[] = [
  [
    "以100%为标准.在职人员控制率Q100%,计8分;每超过一个百分点扣0.5分,扣完为止.",
    { weight: 8 },
    "评分标准“以100%为标准.在职人员控制率Q100%,计8分;每超过一个百分点扣0.5分,扣完为止.”中的“在职人员控制率Q100%计8分”：数字“Q100%”无法识别（疑似扫描识别错误）",
  ],
  [
    "三公经费变动率Q0,计8分;三公经费>0,每超过一个百分点扣0.8分,扣完为止.",
    { weight: 8 },
    "评分标准“三公经费变动率Q0,计8分;三公经费>0,每超过一个百分点扣0.8分,扣完为止.”中的“三公经费变动率Q0计8分”：数字“Q0”无法识别（疑似扫描识别错误）",
  ],
  [
    "100%计满分,每低于5%扣2分,扣完为止.",
    { weight: 8 },
    { full: { comparator: "≥", value: 100, unit: "%", basis: "value" }, otherwise: step(5, 2) },
  ],
  [
    "预算控制率=0,计8分;0-10%(含),计6分;10-20%(含),计4分;20-30%(含),计2分;大于30%不得分",
    { weight: 8 },
    {
      full: { comparator: "≤", value: 0, unit: "", basis: "value" },
      otherwise: {
        method: "bands",
        bands: [
          { comparator: "≤", value: 10, share: 0.75 },
          { comparator: "≤", value: 20, share: 0.5 },
          { comparator: "≤", value: 30, share: 0.25 },
        ],
        rest: 0,
      },
    },
  ],
];

// 长沙市雨花区发改局 2022 部门整体支出绩效评价指标表 (/work/shared/real-reports/12, source
// https://yzwku.com/doc/561683.html): "≤" scanned as "W" and "至", "0-10%" as "OTo%".
const YUHUA_2022: Case[] = [
  [
    "以100%为标准。在职人员控制率W100%,计5分;每超过一个百分点扣0.5分,扣完为止。",
    { weight: 5 },
    "评分标准“以100%为标准。在职人员控制率W100%,计5分;每超过一个百分点扣0.5分,扣完为止。”中的“在职人员控制率W100%计5分”：数字“W100%”无法识别（疑似扫描识别错误）",
  ],
  [
    "“三公经费”变动率至0,计8分;“三公经费”0,每超过一个百分点扣0.8分,扣完为止。",
    { weight: 8 },
    "评分标准““三公经费”变动率至0,计8分;“三公经费”0,每超过一个百分点扣0.8分,扣完为止。”中的“三公经费变动率至0计8分”：“至0”不是比较关系（应为≥、≤、>或<）",
  ],
  [
    "100%计满分,每低于5%扣2分,扣完为止。",
    { weight: 5 },
    { full: { comparator: "≥", value: 100, unit: "%", basis: "value" }, otherwise: step(5, 2) },
  ],
  [
    "预算控制率=0,计5分;OTo%(含),计4分;10-20%(含),计3分;20-30%(含),计2分;大于30%不得分",
    { weight: 5 },
    unknown("预算控制率=0,计5分;OTo%(含),计4分;10-20%(含),计3分;20-30%(含),计2分;大于30%不得分", "OTo%(含)"),
  ],
  [
    "100%以下(含)计满分,每超出5%扣2分,扣完为止。没有楼梯馆所项目的部门按满分计算",
    { weight: 5 },
    unknown(
      "100%以下(含)计满分,每超出5%扣2分,扣完为止。没有楼梯馆所项目的部门按满分计算",
      "没有楼梯馆所项目的部门按满分计算",
    ),
  ],
];

// Hunan 部门整体支出绩效评价指标 (PDF text, http://yabovip8.sbs/html/2024/1115/8017113143006143.shtm):
// the comparators of the 变动率 rows were lost, "≤" became "W".
const HUNAN_PDF: Case[] = [
  [
    "以100%为标准。在职人员控制率W100%,计1分;每超过一个百分点扣0.1分,扣完为止。",
    { weight: 1 },
    "评分标准“以100%为标准。在职人员控制率W100%,计1分;每超过一个百分点扣0.1分,扣完为止。”中的“在职人员控制率W100%计1分”：数字“W100%”无法识别（疑似扫描识别错误）",
  ],
  [
    "“三公经费”变动率0,计3分;“三公经费”0,每超过一个百分点扣0.3分,扣完为止。",
    { weight: 3 },
    { full: { comparator: "≤", value: 0, unit: "", basis: "value" }, otherwise: step(1, 0.3) },
  ],
  [
    "①招待费用明确招待标准和招待人数,1分;②车辆维护、燃油使用政府定点,1分。③制定“三公经费”管理办法,1分,每少一项扣1分,扣完为止。",
    { weight: 3 },
    unknown(
      "①招待费用明确招待标准和招待人数,1分;②车辆维护、燃油使用政府定点,1分。③制定“三公经费”管理办法,1分,每少一项扣1分,扣完为止。",
      "②车辆维护",
    ),
  ],
  [
    "“公务招待费”变动率W0,计2分;“公务招待费变动率”0,每超过一个百分点扣0.2分,扣完为止。",
    { weight: 2 },
    "评分标准““公务招待费”变动率W0,计2分;“公务招待费变动率”0,每超过一个百分点扣0.2分,扣完为止。”中的“公务招待费变动率W0计2分”：数字“W0”无法识别（疑似扫描识别错误）",
  ],
];

// 岳阳市 部门整体支出绩效评价 评分表 (https://glj.yueyang.gov.cn/6173/6181/content_1705915.html).
const YUEYANG: Case[] = [
  [
    "以100%为标准。在职人员控制率≦100%,计5分;每超过一个百分点扣0.5分,扣完为止。",
    { weight: 5, targetUnit: "%" },
    { full: { comparator: "≤", value: 100, unit: "%", basis: "value" }, otherwise: step(1, 0.5) },
  ],
  [
    "“三公经费”变动率≦0,计5分;“三公经费”>0,每超过一个百分点扣0.5分,扣完为止。",
    { weight: 5 },
    { full: { comparator: "≤", value: 0, unit: "", basis: "value" }, otherwise: step(1, 0.5) },
  ],
  [
    "重点支出安排率≥90%,计5分;80%(含)-90%,计4分;70%(含)-80%,计3分;60%(含)-70%,计2分;低于60%不得分。",
    { weight: 5, targetUnit: "%" },
    {
      full: { comparator: "≥", value: 90, unit: "%", basis: "value" },
      otherwise: {
        method: "bands",
        bands: [
          { comparator: "≥", value: 80, share: 0.8 },
          { comparator: "≥", value: 70, share: 0.6 },
          { comparator: "≥", value: 60, share: 0.4 },
        ],
        rest: 0,
      },
    },
  ],
  [
    "预算调整率=0,计3分;0-10%(含),计2分;10-20%(含),计1分;20-30%(含),计0.5分;大于30%不得分。",
    { weight: 3 },
    {
      full: { comparator: "≤", value: 0, unit: "", basis: "value" },
      otherwise: {
        method: "bands",
        bands: [
          { comparator: "≤", value: 10, share: 0.6666666667 },
          { comparator: "≤", value: 20, share: 0.3333333333 },
          { comparator: "≤", value: 30, share: 0.1666666667 },
        ],
        rest: 0,
      },
    },
  ],
  [
    "春节前下达全部专项资金的50%;6月底前所有专项资金指标全部下达完。每出现一个专项未按进度完成资金下达扣0.5分,扣完为止。",
    { weight: 3 },
    unknown(
      "春节前下达全部专项资金的50%;6月底前所有专项资金指标全部下达完。每出现一个专项未按进度完成资金下达扣0.5分,扣完为止。",
      "春节前下达全部专项资金的50%6月底前所有专项资金指标全部下达完",
    ),
  ],
  [
    "无结余,3分;有结余,但不超过上年结转,2分;结余超过上年结转,不得分。",
    { weight: 3 },
    unknown("无结余,3分;有结余,但不超过上年结转,2分;结余超过上年结转,不得分。", "有结余"),
  ],
  [
    "以100%为标准。三公经费控制率≦100%,计6分;每超过一个百分点扣1分,扣完为止。",
    { weight: 6 },
    { full: { comparator: "≤", value: 100, unit: "%", basis: "value" }, otherwise: step(1, 1) },
  ],
  [
    "①已制定或具有预算资金管理办法,内部财务管理制度、会计核算制度等管理制度,1分;②相关管理制度合法、合规、完整,1分;③相关管理制度得到有效执行,1分。",
    { weight: 3 },
    unknown(
      "①已制定或具有预算资金管理办法,内部财务管理制度、会计核算制度等管理制度,1分;②相关管理制度合法、合规、完整,1分;③相关管理制度得到有效执行,1分。",
      "①已制定或具有预算资金管理办法",
    ),
  ],
  [
    "①支出符合国家财经法规和财务管理制度规定以及有关专项资金管理办法的规定;②资金拨付有完整的审批程序和手续;③项目支出按规定经过评估论证;④支出符合部门预算批复的用途;⑤资金使用无截留、挤占、挪用、虚列支出等情况。以上情况每出现一例不符合要求的扣1分,扣完为止。",
    { weight: 3 },
    unknown(
      "①支出符合国家财经法规和财务管理制度规定以及有关专项资金管理办法的规定;②资金拨付有完整的审批程序和手续;③项目支出按规定经过评估论证;④支出符合部门预算批复的用途;⑤资金使用无截留、挤占、挪用、虚列支出等情况。以上情况每出现一例不符合要求的扣1分,扣完为止。",
      "①支出符合国家财经法规和财务管理制度规定以及有关专项资金管理办法的规定",
    ),
  ],
];

// 农业综合开发 项目 评价 评分标准 (http://fsou.com/html/text/chl/1670/167082_7.html); 分值 in the table.
const NONGYE: Case[] = [
  [
    "可行性研究报告(项目申报书)编制符合要求的得7分,不符合要求的视具体情况扣分,扣完7分为止。",
    { weight: 7 },
    { otherwise: { method: "judgement" } },
  ],
  [
    "项目实施组织管理到位的得6分;实行不力的酌情扣分,扣完6分为止。",
    { weight: 6 },
    { otherwise: { method: "judgement" } },
  ],
  ["项目档案资料齐全的得2分,不齐全的扣2分。", { weight: 2 }, { otherwise: { method: "zero" } }],
  [
    "计划建设内容完成100%的得20分,每减少1个百分点扣1分,扣完20分为止。",
    { weight: 20 },
    { full: { comparator: "≥", value: 100, unit: "%", basis: "value" }, otherwise: step(1, 1) },
  ],
  [
    "项目计划投资完成100%的得10分,每减少1个百分点扣1分,扣完10分为止。",
    { weight: 10 },
    { full: { comparator: "≥", value: 100, unit: "%", basis: "value" }, otherwise: step(1, 1) },
  ],
  [
    "项目的实际支出与批复计划相符的得10分,基本相符的得6分,调整较大的扣10分。存在支出不符合专项资金管理办法的,酌情扣分。",
    { weight: 10 },
    unknown(
      "项目的实际支出与批复计划相符的得10分,基本相符的得6分,调整较大的扣10分。存在支出不符合专项资金管理办法的,酌情扣分。",
      "存在支出不符合专项资金管理办法的",
    ),
  ],
  [
    "财务会计制度健全的得10分,基本健全的得6分,不健全的扣10分。",
    { weight: 10 },
    "评分标准“财务会计制度健全的得10分,基本健全的得6分,不健全的扣10分。”：“基本健全的得6分”按定性档次给分，无法读成按数值计分的规则",
  ],
  ["由各省自行制定", { weight: 20 }, unknown("由各省自行制定", "由各省自行制定")],
];

// 考核表 评分标准 (https://wanglu.net/thread/t13-461855-0.html).
const KAOHE: Case[] = [
  ["按完成比例计算得分,满分为止.", { weight: 20 }, { otherwise: { method: "proportional" } }],
  [
    "二者择其一进行考核,按完成比例计算得分,满分为止.",
    { weight: 20 },
    unknown("二者择其一进行考核,按完成比例计算得分,满分为止.", "二者择其一进行考核"),
  ],
];

// 中央级行政经费项目支出考评计分办法 (http://www.lygzb.net/html/text/chl/509/50957_3.html).
const ZHONGYANG: Case[] = [
  [
    "实际完成情况与计划每相差3%,扣1分,扣满15分为止。",
    { weight: 15 },
    unknown("实际完成情况与计划每相差3%,扣1分,扣满15分为止。", "实际完成情况与计划每相差3%扣1分"),
  ],
  [
    "在计划时间内完成的,得满分,超过计划时间的,除政策性原因或特殊原因外,应根据超计划时间占计划完成时间百分比扣分。",
    { weight: 10 },
    unknown(
      "在计划时间内完成的,得满分,超过计划时间的,除政策性原因或特殊原因外,应根据超计划时间占计划完成时间百分比扣分。",
      "在计划时间内完成的",
    ),
  ],
  [
    "实际完成情况与计划每相差4%,扣1分,扣满10分为止。",
    { weight: 10 },
    unknown("实际完成情况与计划每相差4%,扣1分,扣满10分为止。", "实际完成情况与计划每相差4%扣1分"),
  ],
];

// 某政策类经济发展引导资金项目绩效评价指标表 (https://m.31ppt.com/p-1836665.html).
const YINDAO: Case[] = [
  [
    "海洋经济发展引导资金设立的依据是否充分,充分:3分;一般:1.5分;没有:0分",
    { weight: 3 },
    unknown(
      "海洋经济发展引导资金设立的依据是否充分,充分:3分;一般:1.5分;没有:0分",
      "海洋经济发展引导资金设立的依据是否充分",
    ),
  ],
  [
    "项目投资计划完成率,100%:5分;90-100%:3分;70-90%:1分;70%以下:0分",
    { weight: 5 },
    {
      full: { comparator: "≥", value: 100, unit: "%", basis: "value" },
      otherwise: {
        method: "bands",
        bands: [
          { comparator: "≥", value: 90, share: 0.6 },
          { comparator: "≥", value: 70, share: 0.2 },
        ],
        rest: 0,
      },
    },
  ],
  [
    "项目建设进度与计划的符合程度,100%符合:5分;90-100%符合:3分;70-90%:1分;70%以下:0分",
    { weight: 5 },
    unknown(
      "项目建设进度与计划的符合程度,100%符合:5分;90-100%符合:3分;70-90%:1分;70%以下:0分",
      "项目建设进度与计划的符合程度100%符合",
    ),
  ],
  [
    "海洋经济发展引导资金设立目标是否明确,明确:3分;基本明确:1.5分;不明确:0分",
    { weight: 3 },
    unknown(
      "海洋经济发展引导资金设立目标是否明确,明确:3分;基本明确:1.5分;不明确:0分",
      "海洋经济发展引导资金设立目标是否明确",
    ),
  ],
];

// A Fujian 2018 project table (2013 framework), as quoted in issue 14 and /work/shared/docs/domain.md,
// and the phrasings the brief lists from real tables.
const FUJIAN_AND_BRIEF: Case[] = [
  [
    "资金使用率>95%得满分",
    { weight: 2, targetUnit: "%" },
    {
      full: { comparator: ">", value: 95, unit: "%", basis: "value" },
      otherwise: { method: "proportional" },
    },
  ],
  [
    "资金使用率大于95%得满分2分",
    { weight: 2 },
    {
      full: { comparator: ">", value: 95, unit: "%", basis: "value" },
      otherwise: { method: "proportional" },
    },
  ],
  ["每减少30件扣1分", { weight: 3, targetUnit: "件" }, { otherwise: step(30, 1) }],
  ["完成得满分，未完成不得分", { weight: 5 }, { otherwise: { method: "zero" } }],
  [
    "≥95%得满分，90%-95%得80%，<90%不得分",
    { weight: 5, targetUnit: "%" },
    {
      full: { comparator: "≥", value: 95, unit: "%", basis: "value" },
      otherwise: { method: "bands", bands: [{ comparator: "≥", value: 90, share: 0.8 }], rest: 0 },
    },
  ],
  ["每低1个百分点扣0.5分，扣完为止", { weight: 5, targetUnit: "%" }, { otherwise: step(1, 0.5) }],
  ["按完成比例得分", { weight: 5 }, { otherwise: { method: "proportional" } }],
  ["实际完成值/目标值×分值", { weight: 5 }, { otherwise: { method: "proportional" } }],
];

const REAL = [
  ...HUNAN_2018,
  ...YUHUA_2022,
  ...HUNAN_PDF,
  ...YUEYANG,
  ...NONGYE,
  ...KAOHE,
  ...ZHONGYANG,
  ...YINDAO,
  ...FUJIAN_AND_BRIEF,
];

describe("parseCriterion on real 评分标准 cells", () => {
  it.each(REAL)("%s", (...c) => check(c));

  it("reads 24 of the 47 collected real cells and refuses the other 23 with a reason", () => {
    const read = REAL.filter(([text, row]) => parseCriterion(text, row).ok);
    expect([REAL.length, read.length]).toEqual([47, 24]);
  });
});

const pct = (comparator: "≥" | ">" | "≤" | "<", value: number) =>
  ({ comparator, value, unit: "%", basis: "value" }) as const;

// Phrasings whose wording alone fixes the rule (hand-computed).
const HAND: Case[] = [
  // Strict against inclusive.
  ["高于95%得满分", {}, { full: pct(">", 95), otherwise: { method: "proportional" } }],
  ["超过95%得满分", {}, { full: pct(">", 95), otherwise: { method: "proportional" } }],
  ["达到95%得满分", {}, { full: pct("≥", 95), otherwise: { method: "proportional" } }],
  ["不低于95%得满分", {}, { full: pct("≥", 95), otherwise: { method: "proportional" } }],
  ["95%以上得满分", {}, { full: pct("≥", 95), otherwise: { method: "proportional" } }],
  ["95%以上(含)得满分", {}, { full: pct("≥", 95), otherwise: { method: "proportional" } }],
  ["95%以上（不含）得满分", {}, { full: pct(">", 95), otherwise: { method: "proportional" } }],
  // Lower is better.
  [
    "≤3%得满分，每超1个百分点扣1分",
    { weight: 5, targetUnit: "%" },
    { full: pct("≤", 3), otherwise: step(1, 1) },
  ],
  [
    "结余率不超过5%得满分，每超过一个百分点扣0.5分，扣完为止",
    { weight: 4 },
    { full: pct("≤", 5), otherwise: step(1, 0.5) },
  ],
  // Chinese numerals.
  [
    "满意度达到百分之九十五以上得满分，每降低一个百分点扣0.5分",
    { weight: 10, targetUnit: "%" },
    { full: pct("≥", 95), otherwise: step(1, 0.5) },
  ],
  ["每减少三十件扣1分", { weight: 5, targetUnit: "件" }, { otherwise: step(30, 1) }],
  // The condition of a step gives the full-marks threshold.
  [
    "低于95%的，每低1个百分点扣0.5分，扣完为止",
    { weight: 5 },
    { full: pct("≥", 95), otherwise: step(1, 0.5) },
  ],
  // Floors and part steps.
  [
    "100%得满分，每低1个百分点扣1分，最低得2分",
    { weight: 5 },
    { full: pct("≥", 100), otherwise: step(1, 1, 2) },
  ],
  [
    "100%得满分，每低1个百分点扣1分，扣完3分为止",
    { weight: 5 },
    { full: pct("≥", 100), otherwise: step(1, 1, 2) },
  ],
  [
    "≥98%得满分，每低1个百分点扣1分，不足1个百分点的按1个百分点计，扣完为止",
    { weight: 5 },
    { full: pct("≥", 98), otherwise: { method: "step", per: 1, deduct: 1, floor: 0, partial: "ceil" } },
  ],
  // A step in another unit of the same measure is converted to the row's unit.
  ["每减少50厘米扣1分", { weight: 5, targetUnit: "米" }, { otherwise: step(0.5, 1) }],
  // A line break inside the cell separates clauses as a comma does.
  [
    "≥95%得满分\n90%-95%得80%\n<90%不得分",
    { weight: 5 },
    {
      full: pct("≥", 95),
      otherwise: { method: "bands", bands: [{ comparator: "≥", value: 90, share: 0.8 }], rest: 0 },
    },
  ],
  // A percent on a row counted in 亩 or 件 after "完成": the completion rate (实际值 ÷ 指标值).
  [
    "计划建设内容完成100%的得20分,每减少1个百分点扣1分,扣完20分为止。",
    { weight: 20, targetUnit: "亩" },
    { full: { comparator: "≥", value: 100, unit: "%", basis: "completion" }, otherwise: step(1, 1) },
  ],
  [
    "完成率≥95%得满分，否则不得分",
    { weight: 5, targetUnit: "件" },
    { full: { comparator: "≥", value: 95, unit: "%", basis: "completion" }, otherwise: { method: "zero" } },
  ],
  // On a percent row the completion rate is the row's value.
  [
    "任务完成率≥95%得满分，否则不得分",
    { weight: 5, targetUnit: "%" },
    { full: pct("≥", 95), otherwise: { method: "zero" } },
  ],
  // A comma inside a step; 超额完成不加分 adds nothing to the rule; a delay is a step on the high side.
  [
    "资金到位率达到100%的，得满分；每降低1个百分点，扣0.1分，扣完为止。",
    { weight: 2, targetUnit: "%" },
    { full: pct("≥", 100), otherwise: step(1, 0.1) },
  ],
  [
    "≥95%得满分，超额完成不加分",
    { weight: 5 },
    { full: pct("≥", 95), otherwise: { method: "proportional" } },
  ],
  ["按时完成得满分，每延迟1天扣1分", { weight: 5, targetUnit: "天" }, { otherwise: step(1, 1) }],
  // "未完成不得分" beside "部分完成酌情扣分" is the low end of the judgement.
  ["全部完成得满分，部分完成酌情扣分，未完成不得分", { weight: 5 }, { otherwise: { method: "judgement" } }],
  [
    "满意度≥90%得满分，低于90%按比例扣分",
    { weight: 5 },
    { full: pct("≥", 90), otherwise: { method: "proportional" } },
  ],
  // Judgement, zero, proportional.
  ["按时完成得满分，否则酌情扣分并说明理由", { weight: 5 }, { otherwise: { method: "judgement" } }],
  ["达到目标值得满分，未达到不得分", { weight: 5 }, { otherwise: { method: "zero" } }],
  ["≥95%得满分，<95%不得分", { weight: 5 }, { full: pct("≥", 95), otherwise: { method: "zero" } }],
  ["得分=(实际完成值/目标值)×分值", { weight: 5 }, { otherwise: { method: "proportional" } }],
  [
    "资金使用率>95%得满分，否则按比例得分",
    { weight: 5 },
    { full: pct(">", 95), otherwise: { method: "proportional" } },
  ],
  // Bands: points become shares of the weight, a value between two comparators, 扣X分 in a band.
  [
    "≥95%得满分，90%（含）-95%得3分，<90%不得分",
    { weight: 5 },
    {
      full: pct("≥", 95),
      otherwise: { method: "bands", bands: [{ comparator: "≥", value: 90, share: 0.6 }], rest: 0 },
    },
  ],
  [
    "满意度≥90%得满分，80%≤满意度<90%得3分，满意度<80%不得分",
    { weight: 5 },
    {
      full: pct("≥", 90),
      otherwise: { method: "bands", bands: [{ comparator: "≥", value: 80, share: 0.6 }], rest: 0 },
    },
  ],
  [
    "满意度90%以上得满分，80%（含）-90%得分值的60%，80%以下不得分",
    { weight: 10 },
    {
      full: pct("≥", 90),
      otherwise: { method: "bands", bands: [{ comparator: "≥", value: 80, share: 0.6 }], rest: 0 },
    },
  ],
  [
    "≥95%得满分，90%-95%扣1分，<90%得1分",
    { weight: 4 },
    {
      full: pct("≥", 95),
      otherwise: { method: "bands", bands: [{ comparator: "≥", value: 90, share: 0.75 }], rest: 0.25 },
    },
  ],
];

// Criteria that contradict their row, or say too little to be a rule.
const REFUSED: Case[] = [
  ["", { weight: 5 }, "评分标准为空"],
  [
    "≥110%得满分",
    { weight: 5, targetUnit: "%" },
    "评分标准“≥110%得满分”：满分标准“≥110%”超过100%，比率不可能达到",
  ],
  [
    "每低1个百分点扣-1分",
    { weight: 5 },
    "评分标准“每低1个百分点扣-1分”：“每低1个百分点扣-1分”的每步扣分-1分不大于0，扣分必须为正数",
  ],
  [
    "每减少30件扣1分",
    { weight: 5, targetUnit: "%" },
    "评分标准“每减少30件扣1分”：扣分步长“每减少30件扣1分”以“件”计，与本行的计量单位“%”不符",
  ],
  [
    "≥95%得满分",
    { weight: 5, targetUnit: "件" },
    "评分标准“≥95%得满分”：得满分的条件“≥95%”以“%”计，与本行的计量单位“件”不符",
  ],
  [
    "≥95%得满分，每超过1个百分点扣1分",
    { weight: 5 },
    "评分标准“≥95%得满分，每超过1个百分点扣1分”：“≥95%得满分”按越高越好计分，“每超过1个百分点扣1分”却按越低越好计分，两者矛盾",
  ],
  [
    "≥95%得满分，90%-95%得6分，<90%不得分",
    { weight: 5 },
    "评分标准“≥95%得满分，90%-95%得6分，<90%不得分”：“90%-95%得6分”的6分超过本行分值5分",
  ],
  [
    "资金使用率大于95%得满分2分",
    { weight: 3 },
    "评分标准“资金使用率大于95%得满分2分”：“资金使用率大于95%得满分2分”写满分为2分，与本行分值3分不符",
  ],
  [
    "≥95%得满分，90%-95%得3分，<90%不得分",
    {},
    "评分标准“≥95%得满分，90%-95%得3分，<90%不得分”：“90%-95%得3分”写的是分数（3分），本行没有读到分值，无法换算为分值的比例",
  ],
  [
    "≥95%得满分，90%-95%得80%",
    { weight: 5 },
    "评分标准“≥95%得满分，90%-95%得80%”：写了分档，但没有写明低于“90%-95%得80%”时的得分（例如“<90%不得分”）",
  ],
  [
    "≥95%得满分，80%-90%得80%，<80%不得分",
    { weight: 5 },
    "评分标准“≥95%得满分，80%-90%得80%，<80%不得分”：分档“80%-90%得80%”与上一档之间有空档或重叠（90与95）",
  ],
  [
    "≥95%得满分，每低1个百分点扣1分，否则酌情扣分",
    { weight: 5 },
    "评分标准“≥95%得满分，每低1个百分点扣1分，否则酌情扣分”：“每低1个百分点扣1分”和“酌情扣分”是两种不同的计分方式，无法读成一条规则",
  ],
  [
    "满意度≥90%得满分，低于85%按比例扣分",
    { weight: 5 },
    "评分标准“满意度≥90%得满分，低于85%按比例扣分”：“低于85%按比例扣分”的扣分起点85与得满分的条件（≥90%）不一致",
  ],
  [
    "一二三四五六七八九十".repeat(9),
    { weight: 5 },
    `评分标准“${"一二三四五六七八九十".repeat(9)}”中的“${"一二三四五六七八九十".repeat(9)}”超过80字且没有标点分句，不是能读成计分规则的写法，${CAN_READ}`,
  ],
  [
    "出现一次安全事故扣2分，扣完为止",
    { weight: 5 },
    "评分标准“出现一次安全事故扣2分，扣完为止”：“出现一次安全事故扣2分”只写了扣2分，没有写明按什么数值扣，无法读成计分规则",
  ],
  [
    "100%得满分，每低1个百分点扣1分，扣完3分为止",
    {},
    "评分标准“100%得满分，每低1个百分点扣1分，扣完3分为止”：“扣完3分为止”写的是分数，本行没有读到分值，无法确定最低得分",
  ],
];

describe("parseCriterion on phrasings whose wording fixes the rule", () => {
  it.each(HAND)("%s", (...c) => check(c));
});

describe("parseCriterion refuses a criterion that contradicts its row or is not a rule", () => {
  it.each(REFUSED)("%s", (...c) => check(c));

  it("gives the same reading for the same text (deterministic) and does not change its input", () => {
    const row = { weight: 8 };
    const text = "预算控制率=0,计8分;0-10%(含),计6分;10-20%(含),计4分;20-30%(含),计2分;大于30%不得分";
    expect(parseCriterion(text, row)).toEqual(parseCriterion(text, row));
    expect(row).toEqual({ weight: 8 });
  });
});
