import { describe, expect, it } from "vitest";
import { parseAmount, parsePercent } from "../../src/numbers/index.ts";

const HINT = "请填写阿拉伯数字或中文数字，例如“561.41万元”“97%”或“百分之九十七”。";

describe("a comma used as the decimal point is refused, never read as another number (issue 16)", () => {
  it("561,41万 names the value, the comma, the expected form and an example", () => {
    expect(parseAmount("561,41万")).toEqual({
      ok: false,
      error: {
        code: "number.unreadable",
        message: `无法识别数字“561,41万”：逗号“,”后面只有2位数字，像是把逗号当成了小数点，无法确定数值；小数点请写“.”，例如“561.41万元”（千分位逗号每三位一个，例如“1,234.5”）。${HINT}`,
      },
    });
  });

  it("12,5% likewise, with one digit after the comma", () => {
    const r = parsePercent("12,5%");
    expect(r.ok ? null : r.error.message).toBe(
      `无法识别数字“12,5%”：逗号“,”后面只有1位数字，像是把逗号当成了小数点，无法确定数值；小数点请写“.”，例如“561.41万元”（千分位逗号每三位一个，例如“1,234.5”）。${HINT}`,
    );
  });

  it("mixed separators 1.234,5 and 1.234.567,89 are refused as such", () => {
    const reason =
      "同时写了“.”和“,”，而且逗号在小数点后面，像是以逗号为小数点的写法（“1.234,5”即1234.5），无法确定数值；小数点请写“.”，千分位逗号每三位一个，例如“1,234.5”或“561.41万元”";
    for (const text of ["1.234,5万元", "1.234.567,89元"]) {
      const r = parseAmount(text);
      expect(r.ok ? null : r.error).toEqual({
        code: "number.unreadable",
        message: `无法识别数字“${text}”：${reason}。${HINT}`,
      });
    }
  });

  it("a thousands comma stays valid", () => {
    expect(parseAmount("1,234.5万元")).toEqual({
      ok: true,
      value: { value: 1234.5, unit: "万元", wan: 1234.5, text: "1,234.5万元" },
    });
    expect(parseAmount("6,272,512.00元")).toEqual({
      ok: true,
      value: { value: 6272512, unit: "元", wan: 627.2512, text: "6,272,512.00元" },
    });
  });
});
