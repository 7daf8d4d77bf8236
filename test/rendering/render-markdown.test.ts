import { describe, expect, it } from "vitest";
import { checkReport } from "../../src/checks/check-report.ts";
import type { Draft } from "../../src/drafting/draft-types.ts";
import { buildReportView } from "../../src/rendering/build-view.ts";
import { type LoadedFamily, renderDraft } from "../../src/rendering/render-markdown.ts";
import type { ReportView } from "../../src/rendering/report-view.ts";
import { loadTemplateFamilies } from "../../src/services/template-files.ts";
import { seed } from "../checks/helpers.ts";

const families = loadTemplateFamilies();
function loaded(id: string): LoadedFamily {
  if (!families.ok) throw new Error(families.error.message);
  const found = families.value.get(id);
  if (found === undefined) throw new Error(`no family ${id}`);
  return found;
}

function draftFor(fam: LoadedFamily, missing: Draft["missing"]): Draft {
  return {
    sections: fam.family.sections
      .filter((s) => s.drafted)
      .map((s) => ({ id: s.id, text: `${s.heading}：第一段。\n第二段。`, by: "deterministic" as const })),
    missing,
  };
}

function rendered(
  name: string,
  familyId: string,
  missing: Draft["missing"] = [],
): { view: ReportView; md: string } {
  const { report, card } = seed(name);
  const fam = loaded(familyId);
  const view = buildReportView({
    report,
    card,
    draft: draftFor(fam, missing),
    findings: checkReport(report, card),
    family: fam.family,
    drafter: "确定性起草（未配置模型）",
  });
  return { view, md: renderDraft(view, fam).markdown };
}

const headings = (md: string) => md.split("\n").filter((l) => /^#{1,4} /.test(l));
const lines = (md: string) => md.split("\n");

describe("renderDraft: seed 000 in the henan-department family", () => {
  const { view, md } = rendered("seed-000", "henan-department", [
    { key: "budget.carryover.amount", label: "结转结余总额" },
  ]);

  it("prints the official headings 一 … 八 in order, then the two annexes", () => {
    expect(headings(md)).toEqual([
      "# 郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告",
      "## 一、基本情况",
      "### （一）部门年度履职目标及主要任务",
      "### （二）部门年度整体绩效目标、绩效指标设置情况",
      "## 二、绩效自评工作开展情况",
      "## 三、综合评价结论",
      "## 四、绩效目标实现情况分析",
      "### （一）部门资金情况分析",
      "### （二）部门绩效指标完成情况分析",
      "#### 1.投入管理指标情况分析",
      "#### 2.产出指标情况分析",
      "#### 3.效益指标情况分析",
      "## 五、发现的主要问题和改进措施",
      "## 六、绩效自评结果拟应用和公开情况",
      "## 七、绩效自评工作的经验、问题和建议",
      "## 八、其他需要说明的问题",
      "## 附：核查发现",
      "## 附：待补充数据",
    ]);
    expect(lines(md)[0]).toBe("# 郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告");
  });

  it("never prints a line that is only 无", () => {
    expect(lines(md).filter((l) => /^(无|暂无)[。]?$/.test(l.trim()))).toEqual([]);
  });

  it("splits a section's lines into paragraphs separated by blank lines", () => {
    expect(md).toContain(
      "## 二、绩效自评工作开展情况\n\n二、绩效自评工作开展情况：第一段。\n\n第二段。\n\n## 三、",
    );
  });

  it("writes each table as a marker line, an HTML table with rowspans and a closing </table> line", () => {
    const all = lines(md);
    const start = all.indexOf("<!-- table:self_evaluation -->");
    expect(all[start + 1]).toBe("<table>");
    expect(all[start + 2]).toBe("<caption>部门整体绩效自评表<br>（2021年度）　单位：万元</caption>");
    const end = all.indexOf("</table>", start);
    const rows = all.slice(start + 3, end);
    expect(rows).toHaveLength(view.tables.self_evaluation?.rows.length ?? -1);
    expect(rows.find((r) => r.includes("投入管理指标（20分）"))).toBe(
      '<tr><td rowspan="19">投入管理指标（20分）</td><td rowspan="3">工作目标管理</td><td>年度履职目标相关性</td><td>相关</td><td>完成</td><td align="right">1</td><td align="right">1</td><td></td></tr>',
    );
  });

  it("prints the summary table from the card, 合计 92.71 with the report's 100 in brackets", () => {
    const all = lines(md);
    const start = all.indexOf("<!-- table:summary -->");
    expect(all.slice(start, start + 10)).toEqual([
      "<!-- table:summary -->",
      "<table>",
      "<caption>各项指标得分情况表<br>单位：分</caption>",
      "<tr><th>指标</th><th>权重分值</th><th>得分</th><th>得分率</th></tr>",
      '<tr><td>预算执行</td><td align="right">10</td><td align="right">9.71（原填9）</td><td align="right">97.1%</td></tr>',
      '<tr><td>投入管理指标</td><td align="right">20</td><td align="right">19</td><td align="right">95%</td></tr>',
      '<tr><td>产出指标</td><td align="right">40</td><td align="right">40</td><td align="right">100%</td></tr>',
      '<tr><td>效益指标</td><td align="right">30</td><td align="right">24（原填28）</td><td align="right">80%</td></tr>',
      '<tr><th>合计</th><th align="right">100</th><th align="right">92.71（原填100）</th><th align="right">92.71%</th></tr>',
      "</table>",
    ]);
  });

  it("writes the chart as a marker and a pipe table ending at a blank line", () => {
    expect(md).toContain(
      [
        "<!-- chart -->",
        "| 指标 | 得分 | 分值 | 得分率 |",
        "| --- | ---: | ---: | ---: |",
        "| 预算执行 | 9.71 | 10 | 97.1% |",
        "| 投入管理指标 | 19 | 20 | 95% |",
        "| 产出指标 | 40 | 40 | 100% |",
        "| 效益指标 | 24 | 30 | 80% |",
        "",
      ].join("\n"),
    );
  });

  it("lists the checker's findings, the missing figures and the colophon at the end", () => {
    expect(md).toContain(
      "- 【错误】自评表 / 效益指标：“效益指标”标称30分，但其三级指标分值合计为25分。请调整分值使其合计为30分。（weights.block_sum）\n",
    );
    expect(md).toContain(
      "- 【警告】七、绩效自评工作的经验、问题和建议：“七、绩效自评工作的经验、问题和建议”只写了“无”。",
    );
    expect(md).toContain(
      "## 附：待补充数据\n\n以下数据报告中没有提供，本稿未作推测，请补充后重新生成：\n\n- 结转结余总额\n",
    );
    expect(lines(md).at(-2)).toBe(
      "本稿由 ziping 生成（确定性起草（未配置模型））；评分依据：河南郑州区县 部门整体绩效自评。",
    );
  });

  it("renders blocks for Word with the two tables and the chart, in order", () => {
    const blocks = renderDraft(view, loaded("henan-department")).blocks.filter(
      (b) => b.type === "table" || b.type === "chart",
    );
    expect(blocks.map((b) => (b.type === "table" ? b.table.id : b.type))).toEqual([
      "self_evaluation",
      "summary",
      "chart",
    ]);
    const chart = blocks.find((b) => b.type === "chart");
    expect(chart?.type === "chart" ? chart.rows[1] : []).toEqual(["预算执行", "9.71", "10", "97.1%"]);
  });
});

describe("renderDraft: edge cases", () => {
  const fam = loaded("henan-department");
  const base = rendered("seed-000", "henan-department").view;

  it("says 核查未发现问题 and omits 待补充数据 when there is nothing to list", () => {
    const md = renderDraft({ ...base, findings: [], missing: [] }, fam).markdown;
    expect(md).toContain("## 附：核查发现\n\n核查未发现问题。\n\n本稿由 ziping 生成");
    expect(md).not.toContain("附：待补充数据");
  });

  it("escapes < and & inside table cells but not in Markdown text", () => {
    const summary = base.tables.summary;
    if (summary === undefined) throw new Error("no summary");
    const view: ReportView = {
      ...base,
      title: "A&B<测试>报告",
      tables: { ...base.tables, summary: { ...summary, rows: [[{ text: "R&D <研发>" }]] } },
    };
    const md = renderDraft(view, fam).markdown;
    expect(lines(md)[0]).toBe("# A&B<测试>报告");
    expect(md).toContain("<tr><td>R&amp;D &lt;研发&gt;</td></tr>");
  });

  it("fails loudly on a template that names a field the view does not have", () => {
    const typo = (template: string) => () => renderDraft(base, { ...fam, template }).markdown;
    expect(typo("# {{titel}}")).toThrow(/titel/);
    expect(typo("{{paragraphs sections.duites}}")).toThrow(
      "模板 henan-department.md.hbs：paragraphs 引用了不存在的章节文字",
    );
    expect(typo("{{{table tables.budgte}}}")).toThrow(
      "模板 henan-department.md.hbs：table 引用了不存在的表格",
    );
    expect(typo('{{heading "assets"}}')).toThrow("heading 引用了模板族没有的章节“assets”");
    expect(typo("{{> no-such-partial}}")).toThrow(/no-such-partial/);
  });
});

describe("renderDraft: the other families", () => {
  it("renders seed 003 with the Hunan headings, the summary and the 自评表 as an annex", () => {
    const { md } = rendered("seed-003", "hunan-department");
    expect(headings(md)).toEqual([
      "# 浏阳市数据资源中心2020年度部门整体支出绩效自评报告",
      "## 一、部门概况",
      "### （一）部门职能概述",
      "### （二）部门组织机构及人员情况",
      "### （三）年度重点工作计划",
      "### （四）部门整体支出规模、使用方向、主要内容和涉及范围",
      "## 二、部门整体支出资金管理及使用情况",
      "### （一）基本支出",
      "### （二）项目支出",
      "## 三、部门项目组织实施情况",
      "## 四、资产管理情况",
      "## 五、部门整体支出绩效情况",
      "## 六、存在的主要问题",
      "## 七、改进措施和有关建议",
      "## 八、单位在资金管理、项目管理等方面的先进经验及做法",
      "## 九、部门整体支出绩效评价等级",
      "## 附表：部门整体支出绩效自评表",
      "## 附：核查发现",
    ]);
    expect(md).toContain("<caption>部门整体绩效自评表<br>（2020年度）　单位：元</caption>");
    expect(lines(md).filter((l) => l.trim() === "无")).toEqual([]);
  });

  it("renders the project annex of seed 003 with the 项目支出 layout", () => {
    const { md } = rendered("seed-003-project", "project");
    expect(headings(md)).toEqual([
      "# 浏阳市数据资源中心2020年度全市政务网络（政务外网和党政工作专网）链路租赁经费项目支出绩效自评报告",
      "## 一、项目基本情况",
      "### （一）项目概况及年度总体目标",
      "### （二）项目绩效目标及指标设置情况",
      "## 二、绩效自评工作开展情况",
      "## 三、综合评价结论",
      "## 四、绩效目标实现情况分析",
      "### （一）产出指标完成情况分析",
      "### （二）效益指标完成情况分析",
      "## 五、存在的主要问题和改进措施",
      "## 六、绩效自评结果拟应用和公开情况",
      "## 七、绩效自评工作的经验、问题和建议",
      "## 附：核查发现",
    ]);
    expect(md).toContain(
      '<tr><th colspan="5">总分</th><th align="right">100</th><th align="right">99（原填96）</th><th>评价等级：优</th></tr>',
    );
    expect(md).toContain("- 【错误】自评表 / 效益指标：“效益指标”标称40分，但其三级指标分值合计为50分。");
  });
});
