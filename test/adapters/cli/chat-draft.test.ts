import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { run } from "./cli-harness.ts";

/** “生成报告” in the terminal chat: the report is drafted and written as .md and .docx under --out. */

const root = join(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "ziping-chat-draft-"));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("生成报告 in the terminal chat", () => {
  it("writes the report data, the Markdown and the Word draft, and lists the draft's findings", async () => {
    for (const name of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "LLM_MODEL"]) vi.stubEnv(name, "");
    const out = join(dir, "out");
    const script = join(root, "fixtures/conversations/mistakes.txt");
    const r = await run(
      "chat",
      "--script",
      script,
      "--db",
      join(dir, "chat.db"),
      "--user",
      "liu",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files.map((f) => f.replace(/^r[0-9a-z]{8}/, "ID"))).toEqual(["ID.docx", "ID.json", "ID.md"]);
    const id = (files[0] ?? "").slice(0, 9);
    // The officer's files are theirs alone on a shared machine: folder 0700, files 0600.
    expect(statSync(out).mode & 0o777).toBe(0o700);
    expect(files.map((f) => statSync(join(out, f)).mode & 0o777)).toEqual([0o600, 0o600, 0o600]);
    expect(statSync(join(dir, "chat.db")).mode & 0o777).toBe(0o600);
    const tail = r.out.slice(r.out.indexOf("已导出报告数据"));
    expect(tail.split("\n").slice(0, 6)).toEqual([
      `已导出报告数据：${join(out, `${id}.json`)}`,
      "正在起草……",
      `已写入：${join(out, `${id}.md`)}`,
      `已写入：${join(out, `${id}.docx`)}`,
      "起草方式：确定性起草（未配置模型）",
      "按规则得分：79.4分（中）；评分方案：河南郑州区县 部门整体绩效自评",
    ]);
    // The chat lists the checker's findings on the draft, as the end of the Markdown does.
    expect(tail).toContain("核查发现 2 项（错误 2，警告 0，提示 0），已列在文末：");
    expect(tail).toContain(
      "- [错误] 投入管理指标：报告中没有“投入管理指标”的三级指标，该项20分无从得分。请补充指标。",
    );
    const md = readFileSync(join(out, `${id}.md`), "utf8");
    expect(md).toContain("（score.unmet_full）");
    // The officer's answer to 问题和改进措施 is kept as written.
    expect(md).toContain(
      "服务单位满意度97%，比目标低1个百分点，原因是故障响应慢；下年度建立故障响应时限制度",
    );
    expect(existsSync(join(out, `${id}.docx`))).toBe(true);
  });
});
