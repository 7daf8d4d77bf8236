import { describe, expect, it } from "vitest";
import { run } from "./cli-harness.ts";

const DRAFT_OPTIONS =
  "ziping draft 可用的选项：--out 文件.md|文件.docx  --llm on|off  --notes 说明.txt  --redraft  --scheme 方案ID|方案文件  --db 路径";
const DRAFT_EXAMPLE = "例如：npx ziping draft fixtures/reports/seed-000.json --out out/seed-000.docx";

describe("a mistaken option is told in Chinese, with the command's options and an example", () => {
  it("an unknown option names it", async () => {
    expect(await run("draft", "x.json", "--bogus")).toEqual({
      code: 2,
      out: "",
      err: [
        "命令参数有误：ziping draft 没有选项 --bogus。",
        DRAFT_OPTIONS,
        DRAFT_EXAMPLE,
        "（npx ziping draft --help 查看用法）",
      ].join("\n"),
    });
  });

  it("an option of another command is refused, not silently ignored", async () => {
    const r = await run("draft", "x.json", "--corpus", "a");
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe("命令参数有误：ziping draft 没有选项 --corpus。");
  });

  it("a missing value and a value given to a switch", async () => {
    expect((await run("draft", "x.json", "--out")).err.split("\n")[0]).toBe(
      "命令参数有误：选项 --out 后面要写文件.md|文件.docx，例如 --out out/报告.docx。",
    );
    expect((await run("score", "x.json", "--json=1")).err).toBe(
      [
        "命令参数有误：选项 --json 不带值，直接写 --json。",
        "ziping score 可用的选项：--scheme 方案ID|方案文件  --json",
        "例如：npx ziping score fixtures/reports/seed-000.json",
        "（npx ziping score --help 查看用法）",
      ].join("\n"),
    );
    expect((await run("schema", "--json")).err.split("\n").slice(0, 2)).toEqual([
      "命令参数有误：ziping schema 没有选项 --json。",
      "ziping schema 可用的选项：（无选项）",
    ]);
  });

  it("an unknown option before any command points to the general help", async () => {
    expect(await run("--bogus")).toEqual({
      code: 2,
      out: "",
      err: "命令参数有误：ziping 没有选项 --bogus。\n用 ziping --help 查看各命令和选项，例如：npx ziping check 报告.docx --json",
    });
  });
});

describe("ziping <command> --help prints that command's own usage", () => {
  const draftHelp = [
    "ziping draft —— 起草报告：叙述部分由模型或确定性规则起草，输出 Markdown / Word（不写 --out 时两者都写到 out/）",
    "",
    "用法：",
    "  ziping draft <报告.json|文件|报告编号> [--out 文件.md|文件.docx] [--llm on|off] [--notes 说明.txt] [--redraft]",
    "",
    "选项：",
    "  --out 文件.md|文件.docx   输出文件",
    "  --llm on|off              是否用模型起草叙述部分",
    "  --notes 说明.txt          起草时参考的补充说明",
    "  --redraft                 连填报人自己写的各节也重新起草",
    "  --scheme 方案ID|方案文件  评分方案（ziping schemes 列出；table = 按本表结构）",
    "  --db 路径                 报告数据库（默认 data/ziping.db）",
    "  -h, --help                显示本命令的用法",
    "",
    "示例：",
    "  npx ziping draft fixtures/reports/seed-000.json --out out/seed-000.docx",
  ].join("\n");

  it("draft --help, draft -h and help draft", async () => {
    expect(await run("draft", "--help")).toEqual({ code: 0, out: draftHelp, err: "" });
    expect((await run("draft", "-h")).out).toBe(draftHelp);
    expect((await run("help", "draft")).out).toBe(draftHelp);
  });

  it("--help alone still prints the general help", async () => {
    expect((await run("--help")).out.split("\n")[0]).toBe("ziping（自评）—— 绩效自评报告助手");
  });
});
