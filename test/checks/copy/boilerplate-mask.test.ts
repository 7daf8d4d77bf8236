import { describe, expect, it } from "vitest";
import { BOILERPLATE_TEXTS } from "../../../src/checks/copy/boilerplate.ts";
import { boilerplateMask, markedCount } from "../../../src/checks/copy/boilerplate-mask.ts";
import { boilerplateHashes } from "../../../src/checks/copy/corpus-prints.ts";
import { normalizeText } from "../../../src/checks/copy/normalize-text.ts";

/** The normalised text with unmarked characters replaced by "_". */
function shown(text: string, set: Set<number>): string {
  const norm = normalizeText(text).text;
  const mask = boilerplateMask(norm, (h) => set.has(h));
  return [...norm].map((c, i) => (mask[i] === 1 ? c : "_")).join("");
}

describe("boilerplate hashes and mask", () => {
  it("matches short pieces between slots whole and skips pieces under four characters", () => {
    const set = boilerplateHashes(["预算年初数为{数}万元，调整预算数为{数}万元"]);
    expect(set.size).toBe(2);
    expect(shown("我部门预算年初数为561.5万元，调整预算数为561.41万元。", set)).toBe(
      "___预算年初数为____万元调整预算数为_______",
    );
  });

  it("matches every 12-gram of a long piece, so a swapped-in name leaves only itself", () => {
    const set = boilerplateHashes(BOILERPLATE_TEXTS);
    const text =
      "对服务对象等利益相关方进行问卷调查，获取其对发改委主要工作的满意度。\n\n三是数据分析及报告撰写阶段。";
    expect(shown(text, set)).toBe(
      "对服务对象等利益相关方进行问卷调查获取其对___主要工作的满意度三是数据分析及报告撰写阶段",
    );
  });

  it("counts marked characters in a range", () => {
    expect(markedCount(Uint8Array.from([1, 0, 1, 1, 0]), 1, 4)).toBe(2);
    expect(markedCount(Uint8Array.from([1, 1]), 1, 9)).toBe(1);
  });
});
