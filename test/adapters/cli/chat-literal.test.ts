import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { docxHeadings, markdownHeadings } from "../../../src/services/draft-file-check.ts";
import { run } from "./cli-harness.ts";

/**
 * Issue 16 item 1 in the terminal chat: an answer holding the draft's markers and Markdown syntax
 * no longer kills 生成报告; both files are written, complete, with the answer as text.
 */

const root = join(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "ziping-chat-literal-"));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const ANSWER = "服务单位满意度97%，比目标低1个百分点，原因是故障响应慢；下年度建立故障响应时限制度";
const PLANTED = [
  "<!-- table:nosuchtable -->",
  "<!-- table:self_evaluation -->",
  "<!-- chart -->",
  "**粗体**与<b>html</b>，{{title}}，[[budget.total]]",
];

describe("生成报告 with structure-like text in an answer", () => {
  it("writes both files with every heading, the answer escaped in the Markdown and literal in Word", async () => {
    for (const name of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "LLM_MODEL"]) vi.stubEnv(name, "");
    const script = readFileSync(join(root, "fixtures/conversations/mistakes.txt"), "utf8").replace(
      ANSWER,
      // A long answer is shown back for 确认 before it is saved.
      `${[ANSWER, ...PLANTED].join("\n")}\n---\n确认`,
    );
    writeFileSync(join(dir, "script.txt"), script);
    const out = join(dir, "out");
    const r = await run("chat", "--script", join(dir, "script.txt"), "--db", join(dir, "c.db"), "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("内部错误");
    const files = readdirSync(out).sort();
    const md = readFileSync(join(out, files.find((f) => f.endsWith(".md")) ?? ""), "utf8");
    const docx = readFileSync(join(out, files.find((f) => f.endsWith(".docx")) ?? ""));
    const headings = markdownHeadings(Buffer.from(md));
    expect(headings.slice(1, 3)).toEqual(["一、基本情况", "（一）部门年度履职目标及主要任务"]);
    expect(headings.slice(-4)).toEqual([
      "六、绩效自评结果拟应用和公开情况",
      "七、绩效自评工作的经验、问题和建议",
      "八、其他需要说明的问题",
      "附：核查发现",
    ]);
    expect(docxHeadings(docx)).toEqual(headings);
    const read = await readDocument("r.docx", docx);
    const paragraphs = read.ok
      ? read.value.blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : []))
      : [];
    for (const line of [ANSWER, ...PLANTED]) expect(paragraphs, line).toContain(line);
    expect(md).toContain(
      [
        ANSWER,
        "\\<!-- table:nosuchtable -->",
        "\\<!-- table:self_evaluation -->",
        "\\<!-- chart -->",
        "\\*\\*粗体\\*\\*与\\<b>html\\</b>，{{title}}，\\[\\[budget.total\\]\\]",
      ].join("\n\n"),
    );
  }, 30_000);
});
