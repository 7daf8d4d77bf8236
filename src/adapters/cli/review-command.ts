import { existsSync } from "node:fs";
import { basename, sep } from "node:path";
import { SEVERITY_LABEL } from "../../core/finding.ts";
import { renderTable } from "../../rendering/text-table.ts";
import { fmt } from "../../scoring/rounding.ts";
import { TABLE_SCHEME_NAMES } from "../../scoring/table-scheme.ts";
import type { CopyCorpus } from "../../services/copy-corpus.ts";
import { type ReviewOptions, type ReviewProgress, reviewBatch } from "../../services/review/review-batch.ts";
import { writeReviewOutputs } from "../../services/review/review-outputs.ts";
import type { ReviewEntry, ReviewResult } from "../../services/review/review-result.ts";
import { installedSchemes, loadScheme } from "../../services/scheme-files.ts";
import { type CliIo, EXIT } from "./output.ts";

/** Options of `ziping review`. */
export interface ReviewCommandOptions {
  json: boolean;
  out?: string;
  scheme?: string;
  /** The corpus the checks search (opened as `ziping check` opens it) and its path; null for none. */
  corpus: { corpus: CopyCorpus; path: string } | null;
  /** --add-to-corpus: adds documents to the --corpus database, returning how many were new. */
  addToCorpus?: ReviewOptions["addToCorpus"];
  /** Where the progress line goes (a terminal's stderr); nothing when absent. */
  progress?: (line: string) => void;
  /** The most files read; lower in tests. */
  fileLimit?: number;
}

/**
 * `ziping review <folders|files...> [--out DIR] [--corpus PATH] [--add-to-corpus] [--scheme ID]
 * [--json]`: every report file under the folders checked as `ziping check` checks it, ranked by what
 * needs a reviewer most, with a per-rule view and the passages shared between agencies. A file that
 * cannot be read is listed with its reason and the run goes on: exit 0 whenever the run finished;
 * 2 only for bad arguments (a path that does not exist, an unknown scheme).
 */
export async function reviewCommand(
  io: CliIo,
  inputs: readonly string[],
  options: ReviewCommandOptions,
): Promise<number> {
  const schemes = installedSchemes();
  if (!schemes.ok) {
    io.err(schemes.error.message);
    return EXIT.badInput;
  }
  const scheme = options.scheme;
  if (scheme !== undefined && !TABLE_SCHEME_NAMES.includes(scheme.trim())) {
    const loaded = loadScheme(scheme);
    if (!loaded.ok) {
      io.err(loaded.error.message);
      return EXIT.badInput;
    }
  }
  // A path that does not exist is a mistaken argument, not a file of the batch that failed.
  const missing = inputs.find((p) => !existsSync(p));
  if (missing !== undefined) {
    io.err(`找不到 ${missing}。请给出收到报告的文件夹或报告文件，例如 ziping review 收到的报告/`);
    return EXIT.badInput;
  }
  const progress = options.progress;
  const result = await reviewBatch(inputs, {
    schemes: schemes.value,
    scheme,
    corpus: options.corpus,
    now: () => new Date(),
    ...(options.addToCorpus === undefined ? {} : { addToCorpus: options.addToCorpus }),
    ...(options.fileLimit === undefined ? {} : { fileLimit: options.fileLimit }),
    ...(options.out === undefined ? {} : { outDir: options.out }),
    ...(progress === undefined ? {} : { progress: (p: ReviewProgress) => progress(progressLine(p)) }),
  });
  progress?.("");
  if (options.json) io.out(JSON.stringify(result, null, 2));
  else printReview(io, result);
  if (options.out !== undefined) {
    const written = await writeReviewOutputs(result, options.out);
    (options.json ? io.err : io.out)(`审阅结果已写入：${written.join("、")}`);
  }
  return EXIT.ok;
}

/** "[12/40] 正在读取 xxx.docx · 约剩 35 秒": the file in hand and the time left at the pace so far. */
export function progressLine(p: ReviewProgress): string {
  if (p.done === p.total) return `[${p.total}/${p.total}] 正在比对报告之间相同的段落`;
  const left = p.secondsLeft === null ? "正在估算剩余时间" : `约剩 ${p.secondsLeft} 秒`;
  return `[${p.done + 1}/${p.total}] 正在读取 ${basename(p.file)} · ${left}`;
}

const KIND = { department: "部门整体", project: "项目支出" } as const;

function score(value: number | null): string {
  return value === null ? "—" : fmt(value);
}

/** The folder every path of the review is under ("" when none is shared), ending in its separator. */
function commonDir(paths: readonly string[]): string {
  const [first, ...others] = paths.map((p) => p.split(sep));
  if (first === undefined) return "";
  let n = first.length - 1;
  for (const parts of others) {
    let i = 0;
    while (i < n && i < parts.length - 1 && parts[i] === first[i]) i++;
    n = i;
  }
  return n === 0 ? "" : `${first.slice(0, n).join(sep)}${sep}`;
}

function overviewRow(e: ReviewEntry, dir: string): string[] {
  const path = e.path.slice(dir.length);
  const file = e.label === "" || e.label === "主报告" ? path : `${path}【${e.label}】`;
  return [
    String(e.rank),
    e.rankKey.tierLabel,
    file,
    e.unit ?? "—",
    e.year === null ? "—" : String(e.year),
    e.kind === null ? "—" : `${KIND[e.kind]}${e.kindAssumed ? "?" : ""}`,
    e.scheme?.name ?? "—",
    score(e.score.claimed),
    score(e.score.byRules),
    e.grade.claimed ?? "—",
    e.grade.byRules ?? "—",
    String(e.counts.errors),
    String(e.counts.warnings),
    e.worst ?? "—",
    e.notRead.length === 0 ? "—" : `${e.notRead.length} 项`,
  ];
}

/** The review as compact aligned tables: run facts, the ranked overview, the rules, copies, problems. */
function printReview(io: CliIo, r: ReviewResult): void {
  const { run } = r;
  const other = run.otherFiles > 0 ? `，另有 ${run.otherFiles} 个其他文件未读取` : "";
  io.out(
    `审阅了 ${run.filesReviewed} 个文件（找到 ${run.filesSeen} 个报告文件${other}），共 ${r.entries.length} 份报告，用时 ${run.seconds} 秒`,
  );
  if (r.entries.length === 0)
    io.out(
      "没有找到报告文件（.txt .md .docx .xlsx .pdf）。请给出收到报告的文件夹，例如 ziping review 收到的报告/",
    );
  if (run.corpus !== null)
    io.out(
      `对照语料库：${run.corpus.path}（${run.corpus.size} 份报告）${run.corpus.added > 0 ? `；新加入 ${run.corpus.added} 份` : ""}`,
    );
  const dir = commonDir(r.entries.map((e) => e.path));
  if (dir !== "") io.out(`文件位于 ${dir}`);
  io.out("");
  io.out(
    renderTable(
      "审阅总览（按最需要审阅的排序：无法读取 → 得分待核 → 一般 → 重复；同类中错误、警告多者在前）",
      [
        "序号",
        "类别",
        "文件",
        "单位",
        "年度",
        "类型",
        "评分方案",
        "自评分",
        "规则分",
        "自评等级",
        "规则等级",
        "错误",
        "警告",
        "最严重的问题",
        "未能读取",
      ],
      r.entries.map((e) => overviewRow(e, dir)),
      30,
    ),
  );
  if (r.rules.length > 0) {
    io.out("");
    io.out(
      renderTable(
        "各规则违反情况",
        ["规则", "级别", "报告数", "发现数", "示例"],
        r.rules.map((rule) => [
          rule.code,
          SEVERITY_LABEL[rule.severity],
          String(rule.reports),
          String(rule.findings),
          rule.message,
        ]),
        60,
      ),
    );
  }
  printCopies(io, r);
  printProblems(io, r);
}

function printCopies(io: CliIo, r: ReviewResult): void {
  if (r.copies.length === 0) return;
  io.out("");
  io.out("【不同单位报告之间相同的段落】");
  for (const pair of r.copies) {
    io.out(`${pair.agencies[0]} ↔ ${pair.agencies[1]}：${pair.passages.length} 段`);
    for (const p of pair.passages) {
      const where = (s: typeof p.a) =>
        `${s.origin === "corpus" ? "语料库 " : ""}${s.path}${s.label === "" || s.label === "主报告" ? "" : `【${s.label}】`}`;
      io.out(`  - ${p.length} 字：${where(p.a)}“${p.a.quote}”`);
      io.out(`    ${" ".repeat(String(p.length).length)}    ${where(p.b)}“${p.b.quote}”`);
    }
  }
}

function printProblems(io: CliIo, r: ReviewResult): void {
  const unreadable = r.entries.filter((e) => e.unreadable !== null && e.status === "unreadable");
  const duplicates = r.entries.filter((e) => e.duplicateOf !== null);
  if (unreadable.length > 0) {
    io.out("");
    io.out("【无法读取的文件】");
    for (const e of unreadable) io.out(`- ${e.path}：${e.unreadable?.reason ?? ""}`);
  }
  if (duplicates.length > 0) {
    io.out("");
    io.out("【重复的报告】");
    for (const e of duplicates) {
      const of = e.duplicateOf;
      if (of === null) continue;
      const why = of.why === "same_bytes" ? "文件内容完全相同" : "单位、年度、类型相同";
      io.out(`- ${e.path} 与 ${of.path}${of.label === "主报告" ? "" : `【${of.label}】`} 重复（${why}）`);
    }
  }
  if (r.run.skipped.length > 0) {
    io.out("");
    io.out("【未审阅的路径】");
    for (const s of r.run.skipped) io.out(`- ${s.reason}`);
  }
}
