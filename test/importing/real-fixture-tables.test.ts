import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { textToGrid } from "../../src/importing/grid/text-grid.ts";
import { importDocument } from "../../src/importing/report/import-document.ts";
import type { IndicatorFragment } from "../../src/importing/report/report-fragment.ts";

/**
 * The indicator tables of the real reports in fixtures/real (README.md there describes their
 * layouts; expected-reads.json holds the rows checked by hand). Files whose tables are read list
 * every row read; the others state exactly what is read today, so that a change shows.
 */

const DIR = join(import.meta.dirname, "../../fixtures/real");

function main(file: string) {
  const text = readFileSync(join(DIR, file), "utf8").replace(/^source:.*\n/, "");
  const [report] = importDocument(textToGrid(text).rows, text);
  if (report === undefined) throw new Error(`${file}: no report`);
  return report;
}

function rows(file: string): IndicatorFragment[] {
  const blocks = main(file).fragment.indicators ?? [];
  return blocks.flatMap((b) => (b.groups ?? []).flatMap((g) => g.indicators ?? []));
}

/** Block and group names with their weights and the number of indicators of each group. */
function levels(file: string) {
  return (main(file).fragment.indicators ?? []).map((b) => ({
    block: b.name,
    weight: b.weight,
    groups: (b.groups ?? []).map((g) => [g.name, g.indicators?.length]),
  }));
}

function reasons(file: string): string[] {
  return main(file).unread.map((u) => u.reason);
}

describe("indicator tables of fixtures/real", () => {
  it("21 Anhui, the whole 财预〔2020〕10号 table on one line with single spaces between cells", () => {
    const file = "21_anhui_chizhou_weituoyewu.txt";
    const qualitative = { actual: "达成预期指标", weight: 10, score: 10 };
    expect(rows(file)).toEqual([
      { name: "基建工程委托业务项目数量", target: "≥50个", actual: "50", weight: 8, score: 8 },
      { name: "委托业务报告合格率", target: "≥100百分比", actual: "100", weight: 8, score: 8 },
      { name: "经费支出合规性", target: "严格执行相关制度规定", actual: "达成预期指标", weight: 8, score: 8 },
      {
        name: "提交报告及时性",
        target: "在项目计划完成时间内完成",
        actual: "达成预期指标",
        weight: 8,
        score: 8,
      },
      { name: "项目总成本", target: "≤90万元", actual: "90", weight: 8, score: 8 },
      { name: "单项业务成本", target: "符合相关规定", ...qualitative },
      { name: "对维护基建市场公平的影响程度", target: "效果明显", ...qualitative },
      { name: "对控制基建项目成本影响程度", target: "效果明显", ...qualitative },
      { name: "对推动基建项目“四项制度”健全和落实的持续性影响", target: "效果明显", ...qualitative },
    ]);
    // The total row "年度资金总额: 0 0 0 10 0 0" as printed (left at zero; its 其中 row is not read).
    expect(main(file).fragment.budget).toEqual({
      initial: "0万元",
      adjusted: "0万元",
      executed: "0万元",
      weight: 10,
      reportedRate: "0%",
      score: 0,
    });
    expect(reasons(file)).toContain(
      "第1行“其中:本年财政拨款”一行的“90 89.974 89.974”按表头（年初预算数、全年预算数、全年执行数、分值、执行率、得分）无法唯一拆分成各列的值，未读取；各列的值应分开写，例如“20 | 20 | 10 | 100.00% | 10”",
    );
    // 产出指标(50分): 8+8+8+8+8+10 = 50; 效益指标(30分): 10+10+10 = 30.
    expect(levels(file)).toEqual([
      {
        block: "产出指标",
        weight: 50,
        groups: [
          ["数量指标", 1],
          ["质量指标", 2],
          ["时效指标", 1],
          ["成本指标", 2],
        ],
      },
      {
        block: "效益指标",
        weight: 30,
        groups: [
          ["社会效益指标", 1],
          ["生态效益指标", 1],
          ["可持续影响指标", 1],
        ],
      },
    ]);
  });

  it("28 Hubei, `|` table padded with pipes, no 分值 column, merged cells left out, ≧", () => {
    const file = "28_hubei_tongcheng_tanghu_zhengti.txt";
    expect(rows(file)).toEqual([
      { name: "办结信访案件", target: "168起", actual: "168起", score: 10 },
      { name: "拆除活人墓、豪华墓", target: "32座", actual: "32座", score: 20 },
      { name: "解决群众问题时间", target: "2天以内", actual: "2天以内", score: 10 },
      { name: "改善人居环境", target: "有效改善", actual: "有效改善", score: 10 },
      { name: "提升出行效率", target: "有效提升", actual: "有效提升", score: 10 },
      { name: "群众对政府工作满意度", target: "≧90%", actual: "95%", score: 20 },
    ]);
    expect(levels(file)).toEqual([
      {
        block: "产出指标",
        weight: undefined,
        groups: [
          ["数量指标", 2],
          ["日效性指标", 1],
        ],
      },
      { block: "效益指标", weight: undefined, groups: [["社会效益指标", 2]] },
      { block: "满意度指标", weight: undefined, groups: [["群众满意度指标", 1]] },
    ]);
    // The 偏差原因 / 改进措施 rows under the table end it: they are no indicators.
    expect(reasons(file).filter((r) => /^第1[56]行/.test(r))).toEqual([
      "第15行不属于可识别的表格（自评表表头、年度主要任务、预算情况、绩效指标、各项指标得分情况表），未读取",
      "第16行不属于可识别的表格（自评表表头、年度主要任务、预算情况、绩效指标、各项指标得分情况表），未读取",
    ]);
  });

  it("60 Hubei, padded `|` table, a 二级指标 cell broken before its first pipe, budget 得分 (20分*执行率)", () => {
    const file = "60_hubei_huangshi_haimian_shenbao.txt";
    const done = (name: string, target: string) => ({ name, target, actual: "完成", score: 10 });
    expect(rows(file)).toEqual([
      {
        name: "完成省级宣传片制作;完成实施方案的编制;完成自评估报告",
        target: "完成1部宣传片,2套方案",
        actual: "完成1部宣传片,2套方案",
        score: 10,
      },
      { name: "通过专家评审", target: "通过", actual: "通过", score: 10 },
      done("上半年完成宣传片制作;下半年完成实施方案", "6月份完成宣传片制作;9月份完成文本;11月完成专家评审"),
      // Line 14 “成本指标” then line 15 “| 省级宣传片制作费… | 200万 | 195.5万元 | 10 | |||||”: one row.
      {
        name: "省级宣传片制作费、申报文本编制费、自评估报告编制费",
        target: "200万",
        actual: "195.5万元",
        score: 10,
      },
      done("统筹海绵城市项目谋划", "统筹海绵城市项目谋划"),
      done("指导城市建设", "指导城市建设"),
      done("有利于城市生态、韧性发展", "有利于城市生态、韧性发展"),
      done("群众满意度", "满意"),
    ]);
    expect(levels(file)).toEqual([
      {
        block: "产出指标",
        weight: undefined,
        groups: [
          ["数量指标", 1],
          ["质量指标", 1],
          ["时效指标", 1],
          ["成本指标", 1],
        ],
      },
      {
        block: "效益指标",
        weight: undefined,
        groups: [
          ["经济效益指标", 1],
          ["社会效益指标", 1],
          ["生态效益指标", 1],
        ],
      },
      { block: "满意度指标", weight: undefined, groups: [["满意度指标", 1]] },
    ]);
    // 预算数(A) has no role (a bare “预算数” would split run-together headings wrongly): left unread.
    expect(main(file).fragment.budget).toEqual({
      executed: "195.5万元",
      reportedRate: "97.75%",
      score: 19.55,
    });
  });

  it("42 Anhui, heading cells broken over lines, 绩效指标 label column, merged cells left out", () => {
    const file = "42_anhui_jinzhai_meilixiangcun_zhengti.txt";
    expect(rows(file)).toEqual([
      { name: "指标1:开展精品示范村建设数量", target: "≤4", actual: "4", weight: 10, score: 10 },
      { name: "指标2:建设美丽宜居自然村庄数量", target: "≥200", actual: "202", weight: 10, score: 10 },
      { name: "指标3:完成农村户用卫生厕所改造数量", target: "≥2000", actual: "3061", weight: 10, score: 10 },
      { name: "指标4:新建省级中心村数量", target: "≥10", actual: "10", weight: 10, score: 10 },
      { name: "指标1:美丽宜居自然村庄验收通过率", target: "≥95%", actual: "100%", weight: 5, score: 5 },
      { name: "指标2:户用卫生厕所改造验收通过率", target: "≥95%", actual: "100%", weight: 5, score: 5 },
      { name: "指标1:完成美丽宜居自然村庄验收时间", target: "9月前", actual: "7月", weight: 5, score: 5 },
      { name: "指标2:完成户用卫生厕所改造验收时间", target: "11月前", actual: "10月", weight: 5, score: 5 },
    ]);
    // 338.31 / 329.77 = 102.59%; the 得分 cell of the total row is blank.
    const total = {
      initial: "329.77万元",
      adjusted: "329.77万元",
      executed: "338.31万元",
      reportedRate: "102.59%",
    };
    expect(main(file).fragment.budget).toEqual({ ...total, weight: 10, sources: { fiscal: total } });
    expect(levels(file)).toEqual([
      {
        block: "产出指标",
        weight: undefined,
        groups: [
          ["数量指标", 4],
          ["质量指标", 2],
          ["时效指标", 2],
        ],
      },
    ]);
  });

  it("43 Anhui, 分值 before 年度指标值, block rows of their own, 其中 sub-rows listed as unread", () => {
    const file = "43_anhui_xiaoxian_hexicun_zhongyang.txt";
    expect(rows(file)).toEqual([
      { name: "★补助各类瓜果蔬菜种植面积", target: "29.5亩", actual: "29.5亩", weight: 20, score: 20 },
      { name: "★补助鱼塘面积", target: "3亩", actual: "3亩", weight: 10, score: 10 },
      { name: "★补助家畜家禽养殖数量", target: "192只", actual: "192只", weight: 10, score: 10 },
      { name: "种植作物成活率", target: "95%", actual: "95%", weight: 5, score: 5 },
      { name: "养殖家畜家禽成活率", target: "95%", actual: "100%", weight: 5, score: 5 },
      {
        name: "特色产业带动增加受益农户收入(总收入)",
        target: "≥11.376万元",
        actual: "12万元",
        weight: 20,
        score: 20,
      },
      { name: "受益人口数量", target: "90人", actual: "90人", weight: 10, score: 10 },
    ]);
    // The 其中 row repeats 分值 10 and 得分 10: they are the total's, not counted twice.
    const total = { adjusted: "9.48万元", executed: "9.48万元", reportedRate: "100%" };
    expect(main(file).fragment.budget).toEqual({
      ...total,
      weight: 10,
      score: 10,
      sources: { fiscal: total },
    });
    expect(levels(file)).toEqual([
      {
        block: "产出指标",
        weight: 50,
        groups: [
          ["数量指标", 3],
          ["质量指标", 2],
        ],
      },
      {
        block: "效益指标",
        weight: 30,
        groups: [
          ["经济效益指标", 1],
          ["社会效益指标", 1],
        ],
      },
    ]);
    expect(reasons(file).filter((r) => r.includes("其中”分项"))).toEqual([
      "第16行“其中桃树种植面积”是上一指标的“其中”分项，不单独作为指标读取",
      "第17行“其中苹果树种植面积”是上一指标的“其中”分项，不单独作为指标读取",
      "第18行“其中露天蔬菜”是上一指标的“其中”分项，不单独作为指标读取",
      "第19行“其中大棚蔬菜”是上一指标的“其中”分项，不单独作为指标读取",
      "第21行“其中鱼塘养殖面积”是上一指标的“其中”分项，不单独作为指标读取",
      "第23行“其中羊养殖数量”是上一指标的“其中”分项，不单独作为指标读取",
      "第24行“其中猪养殖数量”是上一指标的“其中”分项，不单独作为指标读取",
    ]);
  });

  it("34 Yunnan, traditional characters with pinyin, two heading rows, ﹦ in 指标性质, a short row", () => {
    const file = "34_yunnan_lijiang_weipian_zhifa.txt";
    expect(rows(file)).toEqual([
      {
        name: "衛(wèi)片執(zhí)法補(bǔ)助經(jīng)費(fèi)",
        target: "﹦72890",
        unit: "元",
        actual: "72890",
        weight: 10,
        score: 9,
      },
      {
        name: "項(xiàng)目驗(yàn)收合格率",
        target: "﹦100%",
        unit: "%",
        actual: "100",
        weight: 20,
        score: 19,
      },
      { name: "項(xiàng)目完成及時率", target: "﹦100%", unit: "%", actual: "100", weight: 20, score: 19 },
      { name: "違法行為責(zé)停率", target: "≥95%", unit: "%", actual: "95", weight: 30, score: 27 },
    ]);
    // Level names are the schemes' words: written in traditional characters, they are keyed simplified.
    expect(levels(file)).toEqual([
      {
        block: "产出指标",
        weight: undefined,
        groups: [
          ["数量指标", 1],
          ["质量指标", 1],
          ["时效指标", 1],
        ],
      },
      { block: "效益指标", weight: undefined, groups: [["社会效益指标", 1]] },
    ]);
    // "項(xiàng)目資金 (萬元)": the amounts are in 万元.
    expect(main(file).fragment.budget).toEqual({
      initial: "7.29万元",
      adjusted: "7.29万元",
      executed: "7.29万元",
      reportedRate: "100%",
      weight: 10,
      score: 10,
      sources: { fiscal: { initial: "7.29万元", adjusted: "7.29万元", executed: "7.29万元" } },
    });
    // The 其中 row has one cell fewer: its 100% stands under 分值 and is not taken; the last row, cut
    // before its 得分, is not read.
    expect(reasons(file)).toContain("第13行“分值”只属于合计行，“其中:當(dāng)年財政撥款”行的“100%”未读取");
    expect(reasons(file)).toContain("第28行有8格，表头有10列，无法确定缺少的是哪一列，整行未读取");
  });

  it("33 Inner Mongolia, one cell per line ending in ` |`, rows run together, 大于等于 in 指标方向", () => {
    const file = "33_neimenggu_bayannaoer_ziranziyuan.txt";
    expect(rows(file)).toEqual([
      { name: "指标1:租车次数(次)", target: "大于等于1", unit: "次", actual: "1", weight: 8, score: 8 },
      {
        name: "指标2:宣传美工制作个数(个)",
        target: "小于等于1",
        unit: "个",
        actual: "1",
        weight: 7,
        score: 7,
      },
      { name: "指标1:租车达标率", target: "等于100%", unit: "%", actual: "100", weight: 8, score: 8 },
      { name: "指标2:宣传合格率", target: "等于100%", unit: "%", actual: "100", weight: 7, score: 7 },
    ]);
    // The 一级指标 cell is not in the text: the block has no name.
    expect(levels(file)).toEqual([
      {
        block: undefined,
        weight: undefined,
        groups: [
          ["数量指标", 2],
          ["质量指标", 2],
        ],
      },
    ]);
    // 执行率 written without % (100) is not taken: 100 and 1.00 cannot be told apart.
    // 其他资金 1.8 of 1.8 printed with 执行率 0 is kept as written, for the checks to flag.
    expect(main(file).fragment.budget).toEqual({
      initial: "0万元",
      adjusted: "2.38万元",
      executed: "2.38万元",
      weight: 10,
      score: 10,
      sources: {
        fiscal: { initial: "0万元", adjusted: "0.58万元", executed: "0.58万元" },
        other: { initial: "0万元", adjusted: "1.8万元", executed: "1.8万元", reportedRate: "0%" },
      },
    });
  });

  // No indicator row is read: OCR with free-text cells run together (30), table cells turned into
  // prose (45), a flattened 2013 framework with its weights inside sentences (46); the others have
  // no indicator table in their stored text (22's one-cell-per-line form holds basic facts only).
  // The budgets here come from the narrative ("执行率100%", "资金总额-年初预算数28万元").
  it.each([
    ["22_hunan_yueyang_chengguan_zhengti.txt", undefined],
    ["23_chongqing_dazu_fagaiwei_zhengti.txt", undefined],
    ["24_hubei_hongshan_weijiwei.txt", undefined],
    ["25_hunan_nanxian_zhengxie_zhengti.txt", undefined],
    ["26_hunan_heshan_chengguan_zhengti.txt", undefined],
    ["27_yunnan_baoshan_weijianwei_chunjie.txt", { reportedRate: "100%" }],
    ["29_guangdong_xuwen_xiaqiao_zhengti.txt", undefined],
    ["30_ningxia_yinchuan_chuzhong_gongyong.txt", undefined],
    ["31_yunnan_changning_shifanxiaoxue.txt", undefined],
    ["32_sichuan_mianyang_kejiju.txt", undefined],
    ["35_zhejiang_chunan_gonggongwenhua.txt", undefined],
    ["36_zhejiang_dongyang_gonggongwenhua.txt", undefined],
    ["37_yunnan_baoshan_tushuguan.txt", undefined],
    ["38_guangdong_maoming_fagaiju_zhengti.txt", undefined],
    ["39_yunnan_baoshan_wenlvju_gonggongwenhua.txt", undefined],
    ["40_hunan_huarong_tushuguan_zongfenguan.txt", undefined],
    // "全年执行资金1847.85万元,执行率92.9%": the amount after 执行 + a repeated noun (资金) is read too.
    ["41_sichuan_meishan_canlian.txt", { executed: "1847.85万元", reportedRate: "92.9%" }],
    ["44_henan_xiping_jiaotong_xianjie.txt", { reportedRate: "97%" }],
    ["45_hainan_sanya_tixiao_jiaoxue.txt", { initial: "28万元", adjusted: "28万元" }],
    ["46_heilongjiang_suifenhe_zhengti_zhibiao.txt", undefined],
  ])("%s: no indicator row is read; the budget read is %o", (file, budget) => {
    expect(main(file).fragment.indicators).toBeUndefined();
    expect(main(file).fragment.budget).toEqual(budget);
  });
});
