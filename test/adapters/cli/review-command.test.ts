import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckedReport } from "../../../src/adapters/cli/check-command.ts";
import { progressLine } from "../../../src/adapters/cli/review-command.ts";
import { type ReviewResult, ReviewResultSchema } from "../../../src/services/review/review-result.ts";
import { scannedSeedPage } from "../../services/ocr/scan-pages.ts";
import { buildReviewFolder, FOLDER, PLANTED } from "../../services/review/review-folder.ts";
import { run } from "./cli-harness.ts";

/**
 * `ziping review` on the command line: it agrees with `ziping check` on every report of a file, a
 * folder with broken files still exits 0 (2 only for bad arguments), `--json` and `--out` give the
 * same result, and `--add-to-corpus` adds the batch to a corpus database once.
 */

const root = join(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "ziping-review-cli-"));
/** A database path that does not exist: no deployment corpus is searched. */
const NO_DB = join(dir, "none.db");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parsed(out: string): ReviewResult {
  return ReviewResultSchema.parse(JSON.parse(out));
}

/** `check --json` and `review --json` on one file, in the shape both give: one entry per report. */
async function checkAndReview(path: string) {
  const checked = await run("check", path, "--json", "--db", NO_DB);
  const reviewed = await run("review", path, "--json", "--db", NO_DB);
  expect([checked.code, reviewed.code]).toEqual([0, 0]);
  const fromCheck = (JSON.parse(checked.out) as CheckedReport[]).map((c) => ({
    label: c.label,
    unit: c.report.unit,
    year: c.report.year,
    kind: c.report.kind,
    scheme: c.scheme,
    claimed: c.score.reported ?? null,
    byRules: c.score.total,
    grade: c.score.grade,
    fromOcr: c.fromOcr === true,
    findings: c.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      location: { path: f.where.path, label: f.where.label },
      quote: f.where.quote ?? null,
      ...(f.expected === undefined ? {} : { expected: f.expected }),
      ...(f.actual === undefined ? {} : { actual: f.actual }),
      fromOcr: f.fromOcr === true,
    })),
  }));
  const fromReview = parsed(reviewed.out)
    .entries.map((e) => ({
      label: e.label,
      unit: e.unit,
      year: e.year,
      kind: e.kind,
      scheme: e.scheme,
      claimed: e.score.claimed,
      byRules: e.score.byRules,
      grade: e.grade.byRules,
      fromOcr: e.fromOcr,
      findings: e.findings,
    }))
    .sort(
      (a, b) =>
        fromCheck.findIndex((c) => c.label === a.label) - fromCheck.findIndex((c) => c.label === b.label),
    );
  return { fromCheck, fromReview };
}

describe("review and check agree", () => {
  for (const file of [
    "fixtures/seeds/003_3bc036a0d1488051.txt",
    "fixtures/converted/001_ed109474d837ba6d.docx",
  ])
    it(`on every report of ${file}: identity, scheme, scores and findings`, async () => {
      const { fromCheck, fromReview } = await checkAndReview(join(root, file));
      expect(fromReview).toEqual(fromCheck);
      expect(fromReview.length).toBe(file.endsWith(".txt") ? 2 : 1);
      expect(fromCheck.flatMap((c) => c.findings).some((f) => f.fromOcr)).toBe(false);
    });

  it("on a scanned page read by OCR: every finding marked fromOcr in both, and （OCR 识别） in check's text", async () => {
    const path = join(dir, "扫描件.pdf");
    writeFileSync(path, await scannedSeedPage());
    const { fromCheck, fromReview } = await checkAndReview(path);
    expect(fromReview).toEqual(fromCheck);
    const [report] = fromCheck;
    expect([fromCheck.length, report?.fromOcr, report?.findings.length]).toEqual([1, true, 56]);
    expect(report?.findings.every((f) => f.fromOcr)).toBe(true);
    const text = (await run("check", path, "--db", NO_DB)).out.split("\n");
    expect(text.slice(2, 6)).toEqual([
      "评分方案：重庆 部门整体绩效自评（chongqing-department；指标表和地区都不能判断，暂按“重庆 部门整体绩效自评”计分；可用 --scheme 指定）",
      "按规则得分：不计算（没有读到绩效指标表，没有可计分的指标）",
      "这份报告的文字由扫描件 OCR 识别而来，数字可能有误读，请对照原件核实；下列发现都标有（OCR 识别）",
      "发现 56 项：错误 0，警告 5，提示 51",
    ]);
    const messages = text.filter((l) => l.startsWith("  "));
    expect([messages.length, messages.every((l) => l.endsWith("（OCR 识别）"))]).toEqual([56, true]);
    // The budget total as OCR read it (seed 000's page 2 names no 万元, so the amounts are not taken).
    expect(messages.filter((l) => l.includes("第2行") && l.includes("561.41"))).toEqual([
      "  第2行“年初预算数”列的金额“561.41”没有单位，表格也没有注明是元还是万元，未读取；请注明单位，例如“单位：万元”（OCR 识别）",
      "  第2行“调整预算数”列的金额“561.41”没有单位，表格也没有注明是元还是万元，未读取；请注明单位，例如“单位：万元”（OCR 识别）",
    ]);
  }, 300_000);
});

describe("exit codes", () => {
  it("a folder with a broken file and a scan read by OCR is reviewed to the end: exit 0", async () => {
    const folder = await buildReviewFolder(join(dir, "folder"));
    const r = await run("review", folder, "--db", NO_DB);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      expect.stringMatching(
        /^审阅了 13 个文件（找到 13 个报告文件，另有 1 个其他文件未读取），共 14 份报告，用时 [\d.]+ 秒$/,
      ),
      `文件位于 ${folder}/`,
    ]);
    const at = lines.indexOf("【不同单位报告之间相同的段落】");
    expect(lines.slice(at + 1, at + 4)).toEqual([
      "下桥镇人民政府 ↔ 重庆市大足区发展和改革委员会：1 段",
      `  - 120 字：${join(folder, FOLDER.r29)}“${PLANTED.slice(0, -1)}”`,
      `           ${join(folder, FOLDER.r23)}“${PLANTED.slice(0, -1)}”`,
    ]);
    const problems = lines.indexOf("【无法读取的文件】");
    expect(lines.slice(problems + 1, problems + 3)).toEqual([
      expect.stringMatching(
        new RegExp(`^- ${join(folder, FOLDER.broken)}：文件 broken.docx 不是有效的 Word 文件`),
      ),
      "",
    ]);
    expect(lines.slice(lines.indexOf("【重复的报告】") + 1, lines.indexOf("【重复的报告】") + 3)).toEqual([
      `- ${join(folder, FOLDER.s001txt)} 与 ${join(folder, FOLDER.s001docx)} 重复（单位、年度、类型相同）`,
      `- ${join(folder, FOLDER.s000)} 与 ${join(folder, FOLDER.copy000)} 重复（文件内容完全相同）`,
    ]);
  }, 300_000);

  it("bad arguments exit 2 with a Chinese message", async () => {
    const seed = join(root, "fixtures/seeds/000_0839647822e00506.txt");
    const none = await run("review", "--db", NO_DB);
    expect([none.code, none.err.split("\n")[0]]).toEqual([
      2,
      "ziping review 需要报告文件夹或文件，例如 ziping review 收到的报告/ --out 审阅结果/",
    ]);
    const missing = await run("review", seed, join(dir, "没有这个文件夹"), "--db", NO_DB);
    expect([missing.code, missing.err]).toEqual([
      2,
      `找不到 ${join(dir, "没有这个文件夹")}。请给出收到报告的文件夹或报告文件，例如 ziping review 收到的报告/`,
    ]);
    const scheme = await run("review", seed, "--scheme", "no-such-scheme", "--db", NO_DB);
    expect(scheme.code).toBe(2);
    const add = await run("review", seed, "--add-to-corpus", "--db", NO_DB);
    expect([add.code, add.err.split("\n")[0]]).toEqual([
      2,
      "--add-to-corpus 需要用 --corpus 指定语料库文件（.db），例如 --corpus 语料库.db --add-to-corpus",
    ]);
  });
});

describe("--out and --add-to-corpus", () => {
  it("--out writes review.json, the result --json prints; the batch is added to the corpus once", async () => {
    const batch = join(dir, "batch");
    mkdirSync(batch);
    for (const name of ["000_0839647822e00506.txt", "001_ed109474d837ba6d.txt"])
      copyFileSync(join(root, "fixtures/seeds", name), join(batch, name));
    const corpus = join(dir, "corpus.db");
    // The results go into the folder reviewed: the next run does not read them as reports.
    const out = join(batch, "审阅结果");
    const first = await run("review", batch, "--corpus", corpus, "--add-to-corpus", "--out", out, "--json");
    const written = ["review.json", "review.xlsx", "review.html"].map((f) => join(out, f)).join("、");
    expect([first.code, first.err]).toEqual([0, `审阅结果已写入：${written}`]);
    const printed = parsed(first.out);
    expect(parsed(readFileSync(join(out, "review.json"), "utf8"))).toEqual(printed);
    expect(printed.run.corpus).toEqual({ path: corpus, size: 0, added: 2 });
    const again = parsed(
      (await run("review", batch, "--corpus", corpus, "--add-to-corpus", "--out", out, "--json")).out,
    );
    expect(again.run.corpus).toEqual({ path: corpus, size: 2, added: 0 });
    expect([again.entries.length, again.run.otherFiles, again.run.skipped]).toEqual([
      2,
      0,
      [
        {
          path: out,
          code: "out_dir",
          reason: `${out} 是本次审阅结果（--out）的文件夹，其中的文件不作为报告审阅`,
        },
      ],
    ]);
    // The corpus now holds both reports: each report's own is its own agency's, the other is not copied from.
    expect(again.copies).toEqual([]);
  }, 60_000);
});

describe("--corpus", () => {
  it("a passage of a batch report found in another agency's corpus report is listed with the corpus side", async () => {
    const folder = join(dir, "corpus-folder");
    await buildReviewFolder(folder);
    const db = join(dir, "planted.db");
    // Seed 001 (金水区智慧城市管理中心) with the paragraph at the end of its last section.
    const s001 = join(dir, "001_planted.txt");
    writeFileSync(
      s001,
      `${readFileSync(join(root, "fixtures/seeds/001_ed109474d837ba6d.txt"), "utf8").trimEnd()}\n${PLANTED}\n`,
    );
    expect((await run("corpus", "add", s001, "--db", db)).code).toBe(0);
    const r = await run("review", join(folder, FOLDER.r23), "--corpus", db, "--json");
    const result = parsed(r.out);
    expect(
      result.copies.map((c) => [
        c.agencies,
        c.passages.map((p) => [p.a.origin, p.b.origin, p.b.path, p.length]),
      ]),
    ).toEqual([
      [
        ["重庆市大足区发展和改革委员会", "金水区智慧城市管理中心"],
        [["batch", "corpus", `${s001}（主报告）`, 120]],
      ],
    ]);
    // The check itself reports it too, as `ziping check --corpus` would.
    expect(result.entries[0]?.findings.filter((f) => f.code.startsWith("copy.")).map((f) => f.code)).toEqual([
      "copy.cross_report",
    ]);
  }, 120_000);
});

describe("the progress line", () => {
  it("names the file in hand and the time left at the pace so far", () => {
    expect(progressLine({ done: 0, total: 40, file: "/a/b/报告.docx", secondsLeft: null })).toBe(
      "[1/40] 正在读取 报告.docx · 正在估算剩余时间",
    );
    expect(progressLine({ done: 11, total: 40, file: "/a/xxx.docx", secondsLeft: 35 })).toBe(
      "[12/40] 正在读取 xxx.docx · 约剩 35 秒",
    );
    expect(progressLine({ done: 40, total: 40, file: "", secondsLeft: null })).toBe(
      "[40/40] 正在比对报告之间相同的段落",
    );
  });
});
