import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "./cli-harness.ts";

/** Issue 16 item 1: a line of the officer's text that looks like the draft's own markers stays text. */
const root = join(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "ziping-literal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  for (const name of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "LLM_MODEL", "LLM_RESPONSE_FORMAT"])
    vi.stubEnv(name, "");
  return () => vi.unstubAllEnvs();
});

const PLANTED = [
  "运维响应记录不全，部分工单没有归档。",
  "<!-- table:self_evaluation -->",
  "<!-- table:nosuchtable -->",
  "<!-- chart -->",
  "<table><tr><td>x</td></tr></table>",
  "下年度按月归档运维工单，由信息科负责。",
];

describe("text is always text in the draft (issue 16)", () => {
  it("markers planted in a section neither repeat a table, cut the document, nor crash; both files show them", async () => {
    const report = JSON.parse(readFileSync(join(root, "fixtures/reports/seed-003-project.json"), "utf8"));
    report.narrative = [
      { id: "problems_measures", title: "五、存在的主要问题和改进措施", text: PLANTED.join("\n") },
    ];
    const json = join(dir, "r.json");
    writeFileSync(json, JSON.stringify(report));
    const docx = await run("draft", json, "--out", join(dir, "r.docx"), "--db", join(dir, "d.db"));
    expect(docx.code).toBe(0);
    const md = await run("draft", json, "--out", join(dir, "r.md"), "--db", join(dir, "d.db"));
    expect(md.code).toBe(0);
    const text = readFileSync(join(dir, "r.md"), "utf8");
    expect(text).toContain("\n\\<!-- table:nosuchtable -->\n");
    expect(text.match(/^<!-- table:self_evaluation -->$/gmu)).toHaveLength(1);
    const back = join(dir, "back.json");
    expect((await run("import", join(dir, "r.docx"), "--out", back, "--db", join(dir, "i.db"))).code).toBe(0);
    const sections = (JSON.parse(readFileSync(back, "utf8")) as { narrative: { id: string; text: string }[] })
      .narrative;
    expect(sections.map((s) => s.id)).toEqual([
      "duties",
      "targets",
      "process",
      "conclusion",
      "analysis_output",
      "analysis_outcome",
      "problems_measures",
      "application",
      "experience",
    ]);
    expect(sections.find((s) => s.id === "problems_measures")?.text.split(/\n+/u)).toEqual(PLANTED);
  });
});
