import { describe, expect, it } from "vitest";
import { checkInstallments } from "../../src/checks/check-installments.ts";
import type { SectionRef } from "../../src/checks/section-text.ts";

const FUNDS = "（一）项目资金情况";

function parts(text: string) {
  const ref: SectionRef = { id: "funds", title: FUNDS, text, path: "narrative[2]" };
  return checkInstallments([ref]);
}

describe("budget.subrows_sum: money received in installments after its whole", () => {
  it("an installment written in 元 among 万元: 70 + 60 + 20元 + 20 = 150.002万元, 170 with 万元 (fixture 47)", () => {
    const text =
      "1.电子政务运行维护经费170万元经年初预算审核通过后,2017年3月到账70万元,6月到账60万元,10月到账20元,11月到账20万元。";
    expect(parts(text)).toEqual([
      {
        code: "budget.subrows_sum",
        severity: "warn",
        where: {
          path: "narrative[2]",
          label: FUNDS,
          quote:
            "1.电子政务运行维护经费170万元经年初预算审核通过后,2017年3月到账70万元,6月到账60万元,10月到账20元…",
        },
        message:
          "报告称170万元分次到位：70万元 + 60万元 + 20元 + 20万元 = 150.002万元，与170万元不符。其中“20元”与其他各笔的单位不同；若按万元计，合计正好是170万元。请核对这几笔的单位和金额。",
        expected: "170万元",
        actual: "150.002万元",
      },
    ]);
  });

  it("parts that add up are fine, in 元 or 万元", () => {
    expect(parts("经费170万元,3月到账70万元,6月到账60万元,10月到账20万元,11月到账20万元。")).toEqual([]);
    expect(parts("项目资金1,700,000元,3月到账700,000元,6月到账100万元。")).toEqual([]);
  });

  it("parts below the whole are money still to come, unless the text says all of it came", () => {
    expect(parts("经费170万元,3月到账70万元,6月到账60万元。")).toEqual([]);
    expect(parts("经费170万元已全部到位,3月到账70万元,6月到账60万元。").map((f) => f.message)).toEqual([
      "报告称170万元已全部到位，但各笔到位资金70万元 + 60万元 = 130万元，与170万元相差40万元。请核对各笔金额。",
    ]);
  });
});
