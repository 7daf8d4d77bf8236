import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import type { PassageMatch } from "../../checks/copy/copy-search.ts";
import { reportText } from "../../checks/report-text.ts";
import type { Result } from "../../core/result.ts";
import type { Scheme } from "../../scoring/scheme.ts";
import type { NewCorpusDocument } from "../../storage/corpus-store.ts";
import { checkLoaded } from "../check-loaded.ts";
import { type CopyCorpus, corpusDocument } from "../copy-corpus.ts";
import { type LoadedReport, loadReports } from "../load-reports.ts";
import { type BatchReport, batchCopies } from "./batch-copies.ts";
import { readEntry, type UnrankedEntry, unreadableEntry } from "./review-entry.ts";
import { FILE_LIMIT, findReportFiles } from "./review-files.ts";
import { rankEntries } from "./review-rank.ts";
import type { ReviewResult } from "./review-result.ts";
import { ruleView } from "./review-rules.ts";

/** Where a run is: about to read file `done + 1` of `total`; `done === total` once every file is read. */
export interface ReviewProgress {
  done: number;
  total: number;
  file: string;
  /** The time left at the pace so far; null before the first file is done. */
  secondsLeft: number | null;
}

/** What a review needs besides the folders and files. */
export interface ReviewOptions {
  schemes: readonly Scheme[];
  /** The --scheme given (already known to be installed). */
  scheme: string | undefined;
  /** The corpus the check searches (as `ziping check` opens it), and where it is; null for none. */
  corpus: { corpus: CopyCorpus; path: string } | null;
  /** Adds the batch's reports to the corpus (--add-to-corpus); returns how many were new. */
  addToCorpus?: (docs: NewCorpusDocument[]) => Promise<number>;
  now: () => Date;
  /** The most files read (default FILE_LIMIT); lower in tests. */
  fileLimit?: number;
  /** Reads a file's reports (default `loadReports`, the path `ziping check` takes). */
  load?: (path: string) => Promise<Result<LoadedReport[]>>;
  progress?: (p: ReviewProgress) => void;
  /** The --out folder: not reviewed when it lies under the folders given. */
  outDir?: string;
}

/** A file's identity before reading it, to notice a file that changes while read. */
function fileState(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

function bytesHash(path: string): string | null {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return null;
  }
}

/**
 * `ziping review`: every report file under `inputs` read and checked exactly as `ziping check` does
 * (load → checkLoaded), a file that cannot be read listed with its reason, the same report given
 * twice (the same bytes, or the same unit, year, kind and project) marked as a duplicate of the first,
 * then ranked, viewed by rule, and searched for passages copied between agencies of the batch.
 */
export async function reviewBatch(inputs: readonly string[], options: ReviewOptions): Promise<ReviewResult> {
  const started = options.now();
  const load = options.load ?? ((path: string) => loadReports(path));
  const limit = options.fileLimit ?? FILE_LIMIT;
  const found = findReportFiles(inputs, limit, options.outDir);
  const entries: UnrankedEntry[] = [];
  const batch: BatchReport[] = [];
  const toCorpus: NewCorpusDocument[] = [];
  const byBytes = new Map<string, UnrankedEntry[]>();
  const byIdentity = new Map<string, { path: string; label: string }>();
  for (const [i, path] of found.files.entries()) {
    const elapsed = (options.now().getTime() - started.getTime()) / 1000;
    options.progress?.({
      done: i,
      total: found.files.length,
      file: path,
      secondsLeft: i === 0 ? null : Math.round((elapsed / i) * (found.files.length - i)),
    });
    const before = fileState(path);
    const hash = bytesHash(path);
    const same = hash === null ? undefined : byBytes.get(hash);
    if (same !== undefined && same[0] !== undefined) {
      entries.push(...same.map((e) => sameBytes(path, e)));
      continue;
    }
    const loaded = await load(path);
    if (before !== fileState(path) || hash !== bytesHash(path)) {
      entries.push(
        unreadableEntry(
          path,
          "file.changed_while_read",
          `文件 ${path} 在读取过程中被改动（大小、修改时间或内容变了），读到的内容不可靠，未审阅。请等文件保存完毕后重新运行，例如 ziping review 报告文件夹/`,
        ),
      );
      continue;
    }
    const fileEntries: UnrankedEntry[] = [];
    if (!loaded.ok) fileEntries.push(unreadableEntry(path, loaded.error.code, loaded.error.message));
    else
      for (const entry of loaded.value) {
        await options.corpus?.corpus.prepare?.(entry.completed.report);
        const matches: PassageMatch[] = [];
        const checked = checkLoaded(entry, {
          schemes: options.schemes,
          override: options.scheme,
          searchCopies: (r) => {
            const found = options.corpus?.corpus.search(r) ?? [];
            matches.push(...found);
            return found;
          },
        });
        if (!checked.ok) {
          fileEntries.push(unreadableEntry(path, checked.error.code, checked.error.message));
          continue;
        }
        const row = readEntry(checked.value, entry);
        const key = identityKey(row);
        const first = key === null ? undefined : byIdentity.get(key);
        if (first !== undefined && first.path !== path) {
          row.status = "duplicate";
          row.duplicateOf = { ...first, why: "same_report" };
        } else if (key !== null && first === undefined) byIdentity.set(key, { path, label: row.label });
        fileEntries.push(row);
        batch.push({
          path,
          label: row.label,
          unit: row.unit,
          year: row.year,
          kind: entry.completed.report.kind,
          text: reportText(entry.completed.report).text,
          corpusMatches: matches,
        });
        if (entry.report.ok && row.status === "read") {
          const title = extname(path) === ".json" ? path : `${path}（${entry.label}）`;
          const doc = corpusDocument(entry.report.value, path, title);
          if (doc.text.trim() !== "") toCorpus.push(doc);
        }
      }
    if (hash !== null) byBytes.set(hash, fileEntries);
    entries.push(...fileEntries);
  }
  const ranked = rankEntries(entries);
  options.progress?.({ done: found.files.length, total: found.files.length, file: "", secondsLeft: null });
  const copies = batchCopies(batch);
  const added =
    options.addToCorpus === undefined || toCorpus.length === 0 ? 0 : await options.addToCorpus(toCorpus);
  return {
    version: 1,
    run: {
      inputs: [...inputs],
      startedAt: started.toISOString(),
      seconds: Math.round((options.now().getTime() - started.getTime()) / 100) / 10,
      filesSeen: found.seen,
      filesReviewed: found.files.length,
      otherFiles: found.other,
      fileLimit: limit,
      overLimit: found.overLimit,
      skipped: [
        ...found.skipped,
        ...(found.overLimit
          ? [
              {
                path: inputs.join(" "),
                code: "over_limit",
                reason: `找到 ${found.seen} 个报告文件，超过一次最多审阅的 ${limit} 个：按路径顺序审阅了前 ${limit} 个，其余 ${found.seen - limit} 个未审阅。请分批运行，例如每次给出一个子文件夹`,
              },
            ]
          : []),
      ],
      scheme: options.scheme ?? null,
      corpus:
        options.corpus === null
          ? null
          : { path: options.corpus.path, size: options.corpus.corpus.size, added },
    },
    entries: ranked,
    rules: ruleView(ranked),
    copies,
  };
}

/** The same unit, year, kind and project: one report, whatever files it came in. Null when unit or year is unknown. */
function identityKey(e: UnrankedEntry): string | null {
  if (e.unit === null || e.year === null) return null;
  return [e.unit, e.year, e.kind, e.project ?? ""].join("\u0000");
}

/** A file byte for byte the same as one read before: the earlier row, marked as its duplicate, findings not repeated. */
function sameBytes(path: string, original: UnrankedEntry): UnrankedEntry {
  return {
    ...original,
    path,
    status: "duplicate",
    duplicateOf: { path: original.path, label: original.label, why: "same_bytes" },
    counts: { errors: 0, warnings: 0, infos: 0 },
    worst: `与 ${original.path} 内容完全相同，不重复列出发现`,
    notRead: [],
    findings: [],
  };
}
