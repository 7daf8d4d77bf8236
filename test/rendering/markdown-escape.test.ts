import { describe, expect, it } from "vitest";
import { escapeMarkdownText } from "../../src/rendering/markdown-escape.ts";

describe("escapeMarkdownText", () => {
  it("leaves ordinary Chinese prose, numbered sentences and pipes as written", () => {
    for (const text of [
      "1.推进金水区电子政务发展；2.全区电子政务设计规划的组织",
      "|调整后预算数 − 年初预算数| ÷ 年初预算数 = 0%",
      "A&B<测试>报告，1~3月，rate_mismatch",
      "-5%的偏差",
    ])
      expect(escapeMarkdownText(text)).toBe(text);
  });

  it("escapes emphasis, code, links, HTML and entities anywhere", () => {
    expect(
      escapeMarkdownText("见**粗体**与_x_、`code`、[链接](http://x)、<b>html</b>、&lt;、~~删~~、a\\*"),
    ).toBe(
      "见\\*\\*粗体\\*\\*与\\_x\\_、\\`code\\`、\\[链接\\](http://x)、\\<b>html\\</b>、\\&lt;、\\~\\~删\\~\\~、a\\\\\\*",
    );
  });

  it("escapes what starts a block only where the text starts one", () => {
    const starts = ["# 标题", "- 列表", "+ 列表", "1. 列表", "3) 列表", "> 引用", ">引用", "---", "=="];
    expect(starts.map((t) => escapeMarkdownText(t))).toEqual([
      "\\# 标题",
      "\\- 列表",
      "\\+ 列表",
      "1\\. 列表",
      "3\\) 列表",
      "\\> 引用",
      "\\>引用",
      "\\---",
      "\\==",
    ]);
    expect(escapeMarkdownText("- 列表", "- ")).toBe("\\- 列表");
    expect(escapeMarkdownText("- 列表", "【警告】")).toBe("- 列表");
    expect(escapeMarkdownText("标题 # 结尾", "## ")).toBe("标题 \\# 结尾");
  });

  it("puts a value with line breaks on one line, and escapes | in a pipe-table cell", () => {
    expect(escapeMarkdownText("第一行\n\n# 第二行")).toBe("第一行 \\# 第二行");
    expect(escapeMarkdownText("|a|b|", "| ", true)).toBe("\\|a\\|b\\|");
  });
});
