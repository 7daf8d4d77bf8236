import { describe, expect, it } from "vitest";
import { sanitize } from "../../src/conversation/sanitize.ts";
import { removeInvisible } from "../../src/core/invisible-chars.ts";
import { cleanCell } from "../../src/importing/grid/cell-text.ts";
import { cleanUnitName } from "../../src/importing/report/unit-name-cell.ts";

const NAME = "郑州市\u202e金水区\u00ad电子\u2066政务中心\u2069\u200f";

describe("invisible and bidirectional control characters are removed at the boundary (issue 16)", () => {
  it("removeInvisible keeps every visible character", () => {
    expect(removeInvisible(NAME)).toBe("郑州市金水区电子政务中心");
    expect(removeInvisible("a\u061cb\u180ec\u2060d\u206ae\ufefff\ufff9g")).toBe("abcdefg");
    expect(removeInvisible("预算 561.41万元\t97%")).toBe("预算 561.41万元\t97%");
  });

  it("in a chat message, a table cell and a unit name", () => {
    expect(sanitize(` ${NAME}\r\n2021年度 `)).toBe("郑州市金水区电子政务中心\n2021年度");
    expect(cleanCell(`**${NAME}**`)).toBe("郑州市金水区电子政务中心");
    expect(cleanUnitName(`302001-${NAME}`)).toBe("郑州市金水区电子政务中心");
  });
});
