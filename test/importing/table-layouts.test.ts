import { describe, expect, it } from "vitest";
import { textToGrid } from "../../src/importing/grid/text-grid.ts";
import { importDocument } from "../../src/importing/report/import-document.ts";

/** The main report a text imports to. */
function importText(text: string) {
  const [main] = importDocument(textToGrid(text).rows, text);
  if (main === undefined) throw new Error("no report");
  return main;
}

/** Lines of a web page's table flattened one cell per line, `||||` between rows. */
const PIPE_CELLS = [
  "项目支出绩效自评表 |",
  "|||||||||",
  "( 2022 年度) |",
  "|||||||||",
  "项目名称 |",
  "城区路灯维护 |",
  "||||||||",
  "主管部门 |",
  "|",
  "实施单位 |",
  "|",
  "||||||",
  "项目资金 (万元) |",
  "|",
  "年初预算数 |",
  "全年预算数 |",
  "全年执行数 |",
  "分值 |",
  "执行率 |",
  "得分 |",
  "||||||",
  "年度资金总额 |",
  "80万 |",
  "80万 |",
  "72万 |",
  "10 |",
  "90% |",
  "9 |",
  "|||||||",
  "其中:当年财政拨款 |",
  "80万 |",
  "80万 |",
  "72万 |",
  "— |",
  "|",
  "— |",
  "|||||||",
  "绩 效 指 标 |",
  "一级指标 |",
  "二级指标 |",
  "三级指标 |",
  "年度 指标值 |",
  "实际 完成值 |",
  "分值 |",
  "得分 |",
  "偏差原因分析及改进措施 |",
  "|||||",
  "产出指标 |",
  "数量指标 |",
  "维护路灯数 |",
  "≥500盏 |",
  "520盏 |",
  "20 |",
  "20 |",
  "|",
  "||||||",
  "亮灯率 |",
  "≥98% |",
  "97% |",
  "10 |",
  "9 |",
  "个别线路老化 |",
  "||||||||",
  "时效指标 |",
  "|",
  "|",
  "|",
  "|",
  "|",
  "|",
  "|||||||",
  "效益指标 |",
  "社会效益 指标 |",
  "群众投诉下降 |",
  "明显 |",
  "明显 |",
  "10 |",
  "10 |",
  "|",
].join("\n");

describe("a web page's table flattened one cell per line (`||||` between rows)", () => {
  it("splits rows at the pipe runs and marks them as leaving out merged cells", () => {
    const grid = textToGrid(PIPE_CELLS);
    expect(grid.layout).toBe("pipe-cells");
    expect(grid.rows[3]).toEqual({
      line: 8,
      lastLine: 11,
      cells: ["主管部门", "", "实施单位", ""],
      plain: false,
      mergedCellsOmitted: true,
    });
  });

  it("reads header cells, budget and indicators, aligning short rows on the right", () => {
    const { fragment, unread } = importText(PIPE_CELLS);
    expect(fragment.kind).toBe("project");
    expect(fragment.year).toBe(2022);
    expect(fragment.project).toBe("城区路灯维护");
    expect(fragment.unit).toBeUndefined();
    expect(fragment.budget).toEqual({
      initial: "80万",
      adjusted: "80万",
      executed: "72万",
      weight: 10,
      reportedRate: "90%",
      score: 9,
      sources: { fiscal: { initial: "80万", adjusted: "80万", executed: "72万" } },
    });
    expect(fragment.indicators).toEqual([
      {
        name: "产出指标",
        groups: [
          {
            name: "数量指标",
            indicators: [
              { name: "维护路灯数", target: "≥500盏", actual: "520盏", weight: 20, score: 20 },
              {
                name: "亮灯率",
                target: "≥98%",
                actual: "97%",
                weight: 10,
                score: 9,
                deviationReason: "个别线路老化",
              },
            ],
          },
        ],
      },
      {
        name: "效益指标",
        groups: [
          {
            name: "社会效益指标",
            indicators: [{ name: "群众投诉下降", target: "明显", actual: "明显", weight: 10, score: 10 }],
          },
        ],
      },
    ]);
    expect(unread).toEqual([]);
  });
});

/** A Sichuan 绩效目标自评表 whose cells a web page ran together on one line. */
const RUN_TOGETHER = [
  "附件:2023年项目绩效自评表某县交通局2023年12月20日绩效目标自评表(2023年度)",
  "项目名称农村公路养护项目负责人及电话王明13800001111(办公)主管部门某县交通运输局实施单位某县公路养护站",
  "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:50451090.00%9其中:本年财政拨款5045其他资金",
  "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施",
  "产出指标(60分)数量指标养护里程30≥120公里≥120公里30质量指标路面完好率20≥90%92%20时效指标按期完工率1095%80%8",
  "成本指标养护费用1045万元45万元10效益指标(30分)社会效益指标通行条件改善20显著提升显著提升20",
  "满意度指标(10分)服务对象满意度指标沿线群众满意度10≥90%95%10……总分10097",
].join("");

describe("cells run together on one line (Sichuan 自评表 as a web page gives it)", () => {
  const { fragment, unread } = importText(`source: x\n${RUN_TOGETHER}`);

  it("reads the header cells up to the next label", () => {
    expect(fragment.year).toBe(2023);
    expect(fragment.project).toBe("农村公路养护");
    expect(fragment.unit).toEqual({ parent: "某县交通运输局", name: "某县公路养护站" });
    expect(fragment.preparer).toEqual({ name: "王明", phone: "13800001111" });
  });

  it("splits the budget row by the heading's columns and the value grammar", () => {
    // 50451090.00%9 under 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 is 50 | 45 | 10 | 90.00% | 9:
    // the other splits (504 | 5 | 10 | 90.00% | 9, 5045 | 10 | 9 | 0.00% | 9, …) disagree with their rate.
    expect(fragment.budget).toEqual({
      adjusted: "50万元",
      executed: "45万元",
      weight: 10,
      reportedRate: "90.00%",
      score: 9,
    });
  });

  it("splits the indicator rows, with block weights and a total row", () => {
    const names = (fragment.indicators ?? []).map((b) => [
      b.name,
      b.weight,
      (b.groups ?? []).map((g) => [g.name, (g.indicators ?? []).map((i) => i.name)]),
    ]);
    expect(names).toEqual([
      [
        "产出指标",
        60,
        [
          ["数量指标", ["养护里程"]],
          ["质量指标", ["路面完好率"]],
          ["时效指标", ["按期完工率"]],
          ["成本指标", ["养护费用"]],
        ],
      ],
      ["效益指标", 30, [["社会效益指标", ["通行条件改善"]]]],
      ["满意度指标", 10, [["服务对象满意度指标", ["沿线群众满意度"]]]],
    ]);
    const rows = (fragment.indicators ?? []).flatMap((b) =>
      (b.groups ?? []).flatMap((g) => g.indicators ?? []),
    );
    expect(rows).toEqual([
      { name: "养护里程", target: "≥120公里", actual: "≥120公里", weight: 30, score: 30 },
      { name: "路面完好率", target: "≥90%", actual: "92%", weight: 20, score: 20 },
      { name: "按期完工率", target: "95%", actual: "80%", weight: 10, score: 8 },
      { name: "养护费用", target: "45万元", actual: "45万元", weight: 10, score: 10 },
      { name: "通行条件改善", target: "显著提升", actual: "显著提升", weight: 20, score: 20 },
      { name: "沿线群众满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
    ]);
    expect(fragment.summary?.totalRow).toEqual({ name: "总分", weight: 100, score: 97 });
  });

  it("leaves a row that splits more than one way unread, with its text", () => {
    expect(unread).toContainEqual({
      line: 2,
      text: "其中:本年财政拨款 | 5045",
      reason:
        "第2行“其中:本年财政拨款”一行的“5045”按表头（全年预算数(A)、全年执行数(B)、分值、执行率(B/A)、得分）无法唯一拆分成各列的值，未读取；各列的值应分开写，例如“20 | 20 | 10 | 100.00% | 10”",
    });
  });
});

/** A spreadsheet export whose cells came out of order, several numbered rows on one line. */
const SCRAMBLED = [
  "某县项目支出绩效自评表 (2022年度) 项目名称 家庭医生签约服务 主管部门 某县卫生健康局 实施单位 某镇卫生院",
  "年度 实际 指标值 完成值 二级指标 三级指标 分值 得分 指标1:签约人数 5000人 4500人 3 2.7",
  "指标2:随访次数 不少于4 次 12次 2 2 指标3:0-6岁儿童签约率 ≥80% 85.5% 2 2 指标4:老年人签约率 70% 56% 2 1.6 质量指标",
  "指标5:签约居民满意度 ≥90% 95% 2 2",
].join(" ");

describe("numbered indicator rows of a spreadsheet export whose columns came out of order", () => {
  const { fragment, unread } = importText(SCRAMBLED);

  it("reads each row that has exactly 指标值, 实际完成值, 分值 and 得分", () => {
    expect(fragment.indicators).toEqual([
      {
        groups: [
          {
            indicators: [
              { name: "签约人数", target: "5000人", actual: "4500人", weight: 3, score: 2.7 },
              { name: "0-6岁儿童签约率", target: "≥80%", actual: "85.5%", weight: 2, score: 2 },
              { name: "老年人签约率", target: "70%", actual: "56%", weight: 2, score: 1.6 },
            ],
          },
          {
            name: "质量指标",
            indicators: [{ name: "签约居民满意度", target: "≥90%", actual: "95%", weight: 2, score: 2 }],
          },
        ],
      },
    ]);
  });

  it("leaves a row whose values do not fit unread, with its text", () => {
    expect(unread.map((u) => u.text)).toEqual(["指标2:随访次数 不少于4 次 12次 2 2"]);
  });
});

describe("Hunan 部门整体支出绩效评价指标表 (分值 after each level, 评价标准 and 指标说明 columns)", () => {
  const text = [
    "部门整体支出绩效评价指标表",
    "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t评价标准\t指标说明\t得分",
    "投入\t13\t预算配置\t13\t在职人员控制率\t5\t在职人员控制率≤100%，计5分\t在职人员数/编制数\t5",
    "\t\t\t\t“三公经费”变动率\t8\t变动率≤0，计8分\t\t7.2",
    "过程\t61\t预算执行\t20\t预算完成率\t5\t100%计满分，每低于5%扣2分\t\t5",
  ].join("\n");
  const { fragment, unread } = importText(text);

  it("reads each level's weight from the 分值 column after it and the scores from the last 得分", () => {
    expect(fragment.indicators).toEqual([
      {
        name: "投入",
        weight: 13,
        groups: [
          {
            name: "预算配置",
            weight: 13,
            indicators: [
              { name: "在职人员控制率", weight: 5, score: 5, criterion: "在职人员控制率≤100%，计5分" },
              { name: "“三公经费”变动率", weight: 8, score: 7.2, criterion: "变动率≤0，计8分" },
            ],
          },
        ],
      },
      {
        name: "过程",
        weight: 61,
        groups: [
          {
            name: "预算执行",
            weight: 20,
            indicators: [{ name: "预算完成率", weight: 5, score: 5, criterion: "100%计满分，每低于5%扣2分" }],
          },
        ],
      },
    ]);
  });

  it("keeps the 评价标准 text as each row's criterion and lists the 指标说明, which the model has no place for", () => {
    expect(unread.map((u) => u.reason)).toEqual([
      "第3行指标“在职人员控制率”的“指标说明”（在职人员数/编制数）报告模型中没有对应的位置，未读取",
    ]);
  });
});

/** A Chongqing 部门整体绩效自评表 as OCR of a shared document gives it, cut into numbered pieces. */
const CHONGQING_OCR = [
  "《自评表.docx》由会员分享,可在线阅读。",
  "1、部门整体绩效自评表主管部门某区财政局财政处室自评总分(分)95.5部门联系人李华联系电话指标名称计量单位指标性质年初指标值调整指标值全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标",
  "2、预算执行率%定量指标100%96%96%109.6是会议召开次数次12次10次83%54.2否档案管理规范性好好100%33否",
  "3、网站更新篇数篇300篇3I0篇100%55否",
].join("\n");

describe("an OCR'd Chongqing table in numbered pieces, rows ending in 是/否", () => {
  const { fragment, unread } = importText(CHONGQING_OCR);

  it("reads the header cells and each row the value grammar splits one way", () => {
    expect(fragment.summary).toEqual({ total: 95.5 });
    expect(fragment.unit).toEqual({ parent: "某区财政局" });
    expect(fragment.indicators?.[0]?.groups?.[0]?.indicators).toEqual([
      { name: "预算执行率", target: "100%", unit: "%", actual: "96%", weight: 10, score: 9.6 },
      { name: "会议召开次数", target: "12次", unit: "次", actual: "10次", weight: 5, score: 4.2 },
      { name: "档案管理规范性", target: "好", actual: "好", weight: 3, score: 3 },
    ]);
  });

  it("leaves the row with a garbled value (3I0篇) unread, with its text", () => {
    const tableRows = unread.filter((u) => !u.reason.includes("不在可识别的章节标题下"));
    expect(tableRows.map((u) => u.text)).toEqual(["网站更新篇数篇300篇3I0篇100%55否"]);
  });
});

describe("header cells of a 项目支出绩效自评表", () => {
  it("reads 项目名称, 主管部门, 实施单位 (the unit), 项目负责人及电话, 自评总分 and the bracketed year", () => {
    const text = [
      "索 引 号:\t0112/2022-01\t发文单位:\t某市审批局",
      "项目支出绩效自评表",
      "年度\t( 2021 年度)",
      "项目名称\t政务大厅运维\t项目负责人及电话\t张三 13800000000(办公)",
      "主管部门\t某市审批局\t实施单位\t某市政务服务中心",
      "部门名称\t\t自评总分(分)\t92.5",
    ].join("\n");
    const { fragment, unread } = importText(text);
    expect(fragment).toMatchObject({
      kind: "project",
      year: 2021,
      project: "政务大厅运维",
      unit: { parent: "某市审批局", name: "某市政务服务中心" },
      preparer: { name: "张三", phone: "13800000000" },
      summary: { total: 92.5 },
    });
    // An empty 部门名称 cell is nothing: 自评总分(分) is not taken for its value.
    expect(unread.filter((u) => !u.reason.includes("章节标题"))).toEqual([]);
  });
});

describe("a budget table exported with single spaces between cells and dashes in blank cells", () => {
  it("splits each row at its spaces by the heading's columns", () => {
    const text =
      "资金情况(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 150 150 125.25 10 83.5% 8.35 其中:当年财政拨款 150 150 125.25 — — —";
    const { fragment } = importText(text);
    expect(fragment.budget).toEqual({
      initial: "150万元",
      adjusted: "150万元",
      executed: "125.25万元",
      weight: 10,
      reportedRate: "83.5%",
      score: 8.35,
      sources: { fiscal: { initial: "150万元", adjusted: "150万元", executed: "125.25万元" } },
    });
  });
});
