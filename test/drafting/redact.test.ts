import { describe, expect, it } from "vitest";
import { redact } from "../../src/drafting/redact.ts";

const none = { names: [] as string[] };

describe("redact", () => {
  it("masks the preparer's name and the 8-digit phone next to it (seed 000 header)", () => {
    expect(redact("填表人及联系方式：刘媛媛 63526383", { names: ["刘媛媛"] })).toEqual({
      text: "填表人及联系方式：〔姓名〕 〔电话〕",
      redactions: 2,
    });
  });

  it("masks a known name everywhere it occurs", () => {
    expect(redact("刘媛媛负责填报，报告由刘媛媛汇总。", { names: ["刘媛媛"] })).toEqual({
      text: "〔姓名〕负责填报，报告由〔姓名〕汇总。",
      redactions: 2,
    });
  });

  it("masks names after 联系人 / 经办人 / 审核人 labels, and their other occurrences", () => {
    expect(redact("联系人：张三，电话：0371-63526383。经办人 李四。审核人:王小明。张三负责。", none)).toEqual(
      {
        text: "联系人：〔姓名〕，电话：〔电话〕。经办人 〔姓名〕。审核人:〔姓名〕。〔姓名〕负责。",
        redactions: 5,
      },
    );
  });

  it("does not read the words after 负责人 as a name without a colon or space", () => {
    const text = "各项目负责人按要求提供相关数据及支撑资料";
    expect(redact(text, none)).toEqual({ text, redactions: 0 });
  });

  it("does not mask placeholder words in a name field", () => {
    expect(redact("联系人：暂无", none)).toEqual({ text: "联系人：暂无", redactions: 0 });
  });

  it("masks mobile numbers anywhere, with or without spaces or +86", () => {
    expect(redact("手机13812345678，或138 1234 5678，或+86 13912345678。", none)).toEqual({
      text: "手机〔电话〕，或〔电话〕，或〔电话〕。",
      redactions: 3,
    });
  });

  it("masks landlines with an area code, in brackets or with a dash", () => {
    expect(redact("（0371）63526383，0371-6352638", none)).toEqual({
      text: "〔电话〕，〔电话〕",
      redactions: 2,
    });
  });

  it("masks a 7–8 digit number after 电话 / 联系方式 / 填表人 in the same clause", () => {
    expect(redact("联系电话 63526383；联系方式：6352638", none)).toEqual({
      text: "联系电话 〔电话〕；联系方式：〔电话〕",
      redactions: 2,
    });
  });

  it("leaves amounts, rates, years and other numbers alone", () => {
    const text =
      "预算执行数545.06万元，预算6,272,512.00元，支出5450600元，执行率97.09%，2021年，共63526383条数据，编号20211231。";
    expect(redact(text, { names: ["刘媛媛"] })).toEqual({ text, redactions: 0 });
  });

  it("does not mask a 7–8 digit amount after 电话 when it carries a unit", () => {
    const text = "电话费支出5450600元";
    expect(redact(text, none)).toEqual({ text, redactions: 0 });
  });

  it("ignores one-character and blank known names", () => {
    const text = "王局长主持会议";
    expect(redact(text, { names: ["王", " "] })).toEqual({ text, redactions: 0 });
  });
});
