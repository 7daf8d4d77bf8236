import { describe, expect, it } from "vitest";
import {
  clip,
  clipEscaped,
  escapeMrkdwn,
  firstLine,
  packLines,
  splitMrkdwn,
} from "../../../../src/adapters/slack/blocks/mrkdwn.ts";

describe("mrkdwn text", () => {
  it("escapes &, < and >", () => {
    expect(escapeMrkdwn("<script>&</script> <@U1>")).toBe("&lt;script&gt;&amp;&lt;/script&gt; &lt;@U1&gt;");
  });

  it("clips by characters, not UTF-16 units", () => {
    expect(clip("一二三四五", 5)).toBe("一二三四五");
    expect(clip("一二三四五六", 5)).toBe("一二三四…");
    expect(clip("😀😀😀", 2)).toBe("😀…");
  });

  it("clips escaped text without breaking an entity", () => {
    expect(clipEscaped("a&b", 10)).toBe("a&amp;b");
    expect(clipEscaped("ab&cd", 6)).toBe("ab…");
    expect(clipEscaped("ab&cd", 8)).toBe("ab&amp;…");
  });

  it("packs lines into chunks, breaking only between lines", () => {
    expect(packLines(["aaa", "bb", "c", "dddd"], 6)).toEqual(["aaa\nbb", "c\ndddd"]);
    expect(packLines(["aaa", "bb", "c", "dddd"], 5)).toEqual(["aaa", "bb\nc", "dddd"]);
    expect(packLines([], 6)).toEqual([]);
  });

  it("splits long text at line breaks and cuts an over-long line", () => {
    expect(splitMrkdwn("aa\nbb\ncc", 5)).toEqual(["aa\nbb", "cc"]);
    expect(splitMrkdwn("abcdefg", 3)).toEqual(["abc", "def", "g"]);
    expect(splitMrkdwn("a<b", 4)).toEqual(["a", "&lt;", "b"]);
    expect(splitMrkdwn("a<b", 5)).toEqual(["a&lt;", "b"]);
    expect(splitMrkdwn("  \n ")).toEqual([]);
  });

  it("takes the first line with something on it", () => {
    expect(firstLine("\n  \n  第一行 \n第二行")).toBe("第一行");
    expect(firstLine("")).toBe("");
  });
});
