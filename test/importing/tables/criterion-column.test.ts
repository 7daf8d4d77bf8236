import { describe, expect, it } from "vitest";
import { textToGrid } from "../../../src/importing/grid/text-grid.ts";
import { importDocument } from "../../../src/importing/report/import-document.ts";
import { indicatorRole } from "../../../src/importing/tables/template-headers.ts";
import { parseCriterion } from "../../../src/scoring/criterion/parse-criterion.ts";

function importText(text: string) {
  const [main] = importDocument(textToGrid(text).rows, text);
  if (main === undefined) throw new Error("no report");
  return main;
}

/**
 * A 2013-framework project table (投入 / 过程 / 产出与效益) with a 评分标准 column, as a Fujian
 * 项目支出绩效自评表 prints it; the criteria are real phrasings (issue 14, fsou.com 农业综合开发
 * 评分标准, 岳阳 评分表). Tab-separated, as pasted from a spreadsheet.
 */
const FUJIAN_STYLE = [
  "项目支出绩效自评表",
  "一级指标\t二级指标\t三级指标\t分值\t指标值\t实际完成值\t评分标准\t得分",
  "投入(30分)\t资金管理\t资金到位率\t3\t100%\t100%\t项目计划投资完成100%的得3分,每减少1个百分点扣1分,扣完3分为止。\t3",
  "\t\t资金使用率\t2\t95%\t98%\t资金使用率大于95%得满分2分\t2",
  "过程(30分)\t业务管理\t项目档案\t2\t齐全\t齐全\t项目档案资料齐全的得2分,不齐全的扣2分。\t2",
  "\t\t组织管理\t6\t到位\t到位\t项目实施组织管理到位的得6分;实行不力的酌情扣分,扣完6分为止。\t6",
  "产出与效益(40分)\t产出数量\t办理信件数\t5\t500件\t480件\t每减少30件扣1分\t5",
  "\t\t财务制度\t4\t健全\t健全\t财务会计制度健全的得4分,基本健全的得2分,不健全的扣4分。\t4",
].join("\n");

describe("a 评分标准 column is kept as each row's criterion", () => {
  const { fragment, unread } = importText(FUJIAN_STYLE);
  const rows = (fragment.indicators ?? []).flatMap((b) =>
    (b.groups ?? []).flatMap((g) => g.indicators ?? []),
  );

  it("keeps each criterion verbatim beside the row's values, and lists nothing as unread", () => {
    expect(rows.map((r) => [r.name, r.weight, r.score, r.criterion])).toEqual([
      ["资金到位率", 3, 3, "项目计划投资完成100%的得3分,每减少1个百分点扣1分,扣完3分为止。"],
      ["资金使用率", 2, 2, "资金使用率大于95%得满分2分"],
      ["项目档案", 2, 2, "项目档案资料齐全的得2分,不齐全的扣2分。"],
      ["组织管理", 6, 6, "项目实施组织管理到位的得6分;实行不力的酌情扣分,扣完6分为止。"],
      ["办理信件数", 5, 5, "每减少30件扣1分"],
      ["财务制度", 4, 4, "财务会计制度健全的得4分,基本健全的得2分,不健全的扣4分。"],
    ]);
    expect(unread).toEqual([]);
  });

  it("each kept criterion reads with the row's own 分值 and unit, or says why it cannot", () => {
    const read = rows.map((r) => {
      const reading = parseCriterion(r.criterion ?? "", { weight: r.weight, targetUnit: r.unit });
      return reading.ok ? reading.rule.otherwise.method : "unreadable";
    });
    expect(read).toEqual(["step", "proportional", "zero", "judgement", "step", "unreadable"]);
  });
});

describe("the criterion column headings", () => {
  it("reads 评分标准, 评价标准, 评分办法, 计分方法, 评分规则, 评分细则 and 评分依据 as the criterion", () => {
    expect(
      ["评分标准", "评价标准", "评分办法", "计分方法", "评分规则", "评分细则", "评分依据"].map(indicatorRole),
    ).toEqual(Array(7).fill("criterion"));
  });
});

/** A 自评表 whose cells ran together (a PDF's text layer), with a trailing 评分标准 column. */
const HEADING =
  "项目支出绩效自评表一级指标二级指标三级指标分值年度指标值实际完成值得分评分标准产出指标(50分)";

describe("a run-together table keeps the trailing 评分标准 of a row when the row stands alone", () => {
  it("reads a group holding one row: the text after its 得分 is its criterion", () => {
    const { fragment, unread } = importText(
      `${HEADING}数量指标资金到位率10100%100%10每低1个百分点扣0.5分，扣完为止质量指标验收合格率10100%100%10完成得满分，未完成不得分`,
    );
    const groups = fragment.indicators?.[0]?.groups ?? [];
    expect(
      groups.map((g) => [g.name, g.indicators?.map((i) => [i.name, i.weight, i.score, i.criterion])]),
    ).toEqual([
      ["数量指标", [["资金到位率", 10, 10, "每低1个百分点扣0.5分，扣完为止"]]],
      ["质量指标", [["验收合格率", 10, 10, "完成得满分，未完成不得分"]]],
    ]);
    expect(unread).toEqual([]);
  });

  it("leaves two rows with their criteria in one group unread: where one text ends and the next name starts is not known", () => {
    const { fragment, unread } = importText(
      `${HEADING}数量指标资金到位率10100%100%10每低1个百分点扣0.5分验收合格率10100%100%10完成得满分`,
    );
    expect(fragment.indicators).toBeUndefined();
    expect(unread.map((u) => u.text)).toEqual([
      "资金到位率10100%100%10每低1个百分点扣0.5分验收合格率10100%100%10完成得满分",
    ]);
  });

  it("does not take a criterion that starts with a digit: it would run into the 得分", () => {
    const { fragment } = importText(`${HEADING}数量指标资金到位率10100%100%10100%计满分`);
    expect(fragment.indicators).toBeUndefined();
  });
});
