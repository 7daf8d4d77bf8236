import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatNumber,
  isDateFormat,
  serialToDate,
} from "../../../src/importing/files/number-format.ts";

describe("formatNumber shows numbers as Excel does", () => {
  it.each([
    [0.9566, "0.00%", "95.66%"],
    [0.981, "0.00%", "98.10%"],
    [0.97, "0%", "97%"],
    [1, "0%", "100%"],
    [561.41, "General", "561.41"],
    [0.1 + 0.2, "General", "0.3"],
    [21.456, "0.00", "21.46"],
    [1234567.5, "#,##0.00", "1,234,567.50"],
    [1234567.5, "#,##0", "1,234,568"],
    [12.5, "0.##", "12.5"],
    [12, "0.##", "12"],
    [0.5, "#.##", ".5"],
    [561.41, '0.00"万元"', "561.41万元"],
    [-3.5, "0.00", "-3.50"],
    [-3.5, "#,##0.00_);[Red](#,##0.00)", "(3.50)"],
    [-0.001, "0.00", "0.00"],
    [96, "@", "96"],
    [5, "0.00_ ", "5.00"],
  ])("%s under %s → %s", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });
});

describe("dates", () => {
  it("tells date formats from number formats", () => {
    expect(["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "h:mm", "m/d/yy"].map(isDateFormat)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["General", "0.00%", '0.00"万元"', "#,##0"].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("formats dates with Chinese literals, months and minutes told apart", () => {
    const date = new Date(Date.UTC(2021, 11, 31, 9, 5, 7));
    expect(formatDate(date, 'yyyy"年"m"月"d"日"')).toBe("2021年12月31日");
    expect(formatDate(date, "yyyy/mm/dd hh:mm:ss")).toBe("2021/12/31 09:05:07");
    expect(formatDate(date, "yyyy年m月")).toBe("2021年12月");
    expect(formatDate(date, "General")).toBe("2021-12-31");
    expect(formatDate(serialToDate(44561), "yyyy-mm-dd")).toBe("2021-12-31");
  });
});
