import { describe, expect, it } from "vitest";
import { hasFigure, plainName, q, sectionKit } from "../../src/drafting/section-kit.ts";
import { draftInput, seedJson } from "./drafter-fixtures.ts";

describe("sectionKit", () => {
  const kit = sectionKit(draftInput(seedJson("seed-000")));
  const rows = kit.card.blocks.flatMap((b) => b.indicators);
  const named = (name: string) => rows.filter((r) => r.name === name);

  it("cites a figure as [[key]] only when the sheet has it", () => {
    expect(kit.fig("budget.executed")).toBe("[[budget.executed]]");
    expect(kit.fig("budget.procurement.budget")).toBe("（报告未提供）");
  });

  it("names the 预算执行率 row by its label and keys it budget.*", () => {
    const budget = rows.find((r) => r.kind === "budget");
    expect(budget && [kit.title(budget), kit.prefix(budget)]).toEqual(["“预算执行（预算执行率）”", "budget"]);
  });

  it("tells apart rows sharing a name: by block across blocks, by group inside one", () => {
    const [execution] = named("预算执行率").filter((r) => r.kind !== "budget");
    expect(execution && [kit.title(execution), kit.prefix(execution)]).toEqual([
      "“预算执行率”（投入管理指标）",
      "indicator.6",
    ]);
    expect(named("全区网络的接入率").map((r) => kit.title(r))).toEqual([
      "“全区网络的接入率”（重点工作任务完成）",
      "“全区网络的接入率”（履职目标实现）",
    ]);
  });

  it("names a row whose name holds figures by its place, so no ungrounded number is printed", () => {
    const project = sectionKit(draftInput(seedJson("seed-003-project")));
    const first = project.card.blocks.find((b) => b.id === "output")?.indicators[0];
    expect(first?.name).toBe("带宽总共3G，政务网络覆盖全市所有市直单位，32个乡镇街道，323个村社区。");
    expect(first && project.title(first)).toBe("“产出指标”第1项三级指标");
  });

  it("names tasks without the table's numbering", () => {
    expect(kit.taskTitle(5)).toBe("“安可替代工程之办公硬件”");
  });

  it("states the rules' verdict without 评价等级 when the report states another total", () => {
    expect(kit.verdict()).toBe("计算得[[score.total]]，对应“优”档");
  });
});

describe("name helpers", () => {
  it("quotes a name once, without closing punctuation", () => {
    expect(q("统一全市政务网络管理，节省财政投资。")).toBe("“统一全市政务网络管理，节省财政投资”");
    expect(q("“三公经费”控制率")).toBe("“三公经费”控制率");
  });

  it("strips 任务N: from task names and finds figures in names", () => {
    expect(plainName("任务2: 运维服务外包项目")).toBe("运维服务外包项目");
    expect([hasFigure("覆盖32个乡镇"), hasFigure("一体化平台")]).toEqual([true, false]);
  });
});
