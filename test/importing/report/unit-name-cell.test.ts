import { describe, expect, it } from "vitest";
import { cleanUnitName } from "../../../src/importing/report/unit-name-cell.ts";

describe("cleanUnitName: a unit name without its neighbours in the cell", () => {
  it.each([
    ["219001-池州市贵池区棠溪镇人民政府", "池州市贵池区棠溪镇人民政府"],
    ["302001 - 长沙市雨花区发展和改革局", "长沙市雨花区发展和改革局"],
    ["塘湖镇政府 填报日期:2021.5.18", "塘湖镇政府"],
    ["南县财政局  联系电话：0737-5221234", "南县财政局"],
    ["郑州市金水区电子政务中心", "郑州市金水区电子政务中心"],
    ["第二人民医院", "第二人民医院"],
  ])("%s → %s", (cell, name) => {
    expect(cleanUnitName(cell)).toBe(name);
  });
});
